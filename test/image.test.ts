import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_SECRET_RULES } from '../src/secrets/rules/index.js';
import { gz, oci, tarOf } from '../src/scan/image/test-image.js';
import { EICAR, SIG_EICAR, SIG_MARKER, TEST_MARKER, clamdUnavailableReason, startTestClamd } from '../src/scan/malware/test-clamd.js';
import { cli, tree } from './helpers.js';

type Report = {
  findings: { checkId: string; message: string; location: { path: string; startLine: number } }[];
  targets: { path: string; kind: string; errors: { code: string }[] }[];
};

/** An image whose layer 0 ships a secret and EICAR, and whose layer 1 deletes the secret file (it is still in the image). */
async function image(secretLine: string) {
  const l0 = await tarOf([
    { name: 'app/', type: 'directory' },
    { name: 'app/.env', content: `PORT=8080\n${secretLine}\n` },
    { name: 'app/bin/eicar.com', content: EICAR },
    { name: 'app/readme.txt', content: 'hello\n' },
  ]);
  const l1 = await tarOf([{ name: 'app/.wh..env', content: '' }]);
  return oci([gz(l0), gz(l1)]);
}

describe('palisade scan --image', () => {
  const plant = BUILTIN_SECRET_RULES.find((r) => r.meta.slug === 'aws-access-key-id')!;
  const secretLine = plant.meta.examples.positive[0]!;
  const secret = new RegExp(plant.pattern.source, plant.pattern.flags).exec(secretLine)![plant.secretGroup]!;

  it('finds a secret in a layer that a later layer deletes, redacted, and says so', async () => {
    const { dir } = await image(secretLine);
    const r = await cli(['scan', '--image', dir, '-f', 'json', '--no-config'], { cwd: tree({}) });
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!r.stdout.includes(secret), 'secret printed in full');
    const report = JSON.parse(r.stdout) as Report;
    const f = report.findings.find((x) => x.checkId === plant.meta.id)!;
    assert.ok(f, JSON.stringify(report.findings.map((x) => x.checkId)));
    assert.ok(f.location.path.endsWith('!/app/.env'), f.location.path);
    assert.equal(f.location.startLine, 2);
    assert.match(f.message, /layer 0/);
    assert.match(f.message, /deleted by layer 1, but still shipped in the image/);
    assert.equal(report.targets[0]!.kind, 'image');
  });

  it('reports EICAR inside an image layer through the real clamd; a stopped clamd is exit 3', async (t) => {
    const why = clamdUnavailableReason();
    if (why) {
      t.skip(why);
      return;
    }
    const clamd = await startTestClamd();
    try {
      const { dir } = await image(secretLine);
      const r = await cli(['scan', '--image', dir, '--malware', '--clamd-socket', clamd.socket, '-f', 'json', '--no-config'], { cwd: tree({}) });
      const report = JSON.parse(r.stdout) as Report;
      const mal = report.findings.find((x) => x.checkId === 'PAL-MAL-0001');
      assert.ok(mal, JSON.stringify(report.findings.map((x) => x.checkId)));
      assert.ok(mal.location.path.endsWith('!/app/bin/eicar.com'));
      assert.ok(mal.message.includes(SIG_EICAR));
      assert.equal(r.code, 1);
      await clamd.stop();
      const down = await cli(['scan', '--image', dir, '--malware', '--clamd-socket', clamd.socket, '-f', 'json', '--no-config'], { cwd: tree({}) });
      assert.equal(down.code, 3);
      assert.ok((JSON.parse(down.stdout) as Report).targets[0]!.errors.some((e) => e.code === 'clamd-unavailable'));
    } finally {
      await clamd.dispose();
    }
  });

  it('streams a file larger than --max-file-size to clamd (hashed on the way) instead of skipping it', async (t) => {
    const why = clamdUnavailableReason();
    if (why) {
      t.skip(why);
      return;
    }
    const clamd = await startTestClamd({ streamMaxLength: '10M' });
    try {
      const big = Buffer.concat([Buffer.alloc(2_000_000, 0x61), Buffer.from(` ${TEST_MARKER} `)]);
      const { dir } = await oci([gz(await tarOf([{ name: 'data/big.bin', content: big }]))]);
      const r = await cli(['scan', '--image', dir, '--malware', '--clamd-socket', clamd.socket, '--max-file-size', '1000000', '-f', 'json', '--no-config'], { cwd: tree({}) });
      const report = JSON.parse(r.stdout) as Report & { targets: { warnings: { code: string }[] }[] };
      const mal = report.findings.find((x) => x.checkId === 'PAL-MAL-0001');
      assert.ok(mal && mal.message.includes(SIG_MARKER), r.stdout.slice(0, 800));
      assert.ok(report.targets[0]!.warnings.some((w) => w.code === 'too-large'), 'the secret scanner says it skipped the file');
    } finally {
      await clamd.dispose();
    }
  });

  it('a broken image is a located scan error (exit 3)', async () => {
    const dir = tree({ 'img/oci-layout': '{"imageLayoutVersion":"1.0.0"}', 'img/index.json': '{not json' });
    const r = await cli(['scan', '--image', 'img', '-f', 'json', '--no-config'], { cwd: dir });
    assert.equal(r.code, 3);
    assert.ok((JSON.parse(r.stdout) as Report).targets[0]!.errors.length > 0);
  });
});
