import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILTIN_SECRET_RULES } from '../src/secrets/rules/index.js';
import { cli, tree } from './helpers.js';

/** Each rule's first positive example, planted in its own file, with the raw secret it contains. */
function planted() {
  return BUILTIN_SECRET_RULES.map((r, i) => {
    const ex = r.meta.examples.positive[0]!;
    const re = new RegExp(r.pattern.source, r.pattern.flags);
    const m = re.exec(ex);
    assert.ok(m, `${r.meta.id} positive example does not match its own pattern`);
    return { rule: r, file: `planted/${String(i).padStart(3, '0')}-${r.meta.slug}.txt`, text: ex + '\n', secret: m[r.secretGroup]! };
  });
}

describe('palisade scan --scanners secrets', () => {
  const plants = planted();
  const files: Record<string, string | Buffer> = Object.fromEntries(plants.map((p) => [p.file, p.text]));
  files['bin/blob.bin'] = Buffer.from([0, 1, 2, 3, 0x41, 0x4b, 0x49, 0x41]);
  files['k8s/secret.yaml'] = `apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: shop}\ndata:\n  note: ${Buffer.from('hello').toString('base64')}\n  aws: ${Buffer.from(plants[0]!.text).toString('base64')}\n`;

  it('finds the planted secret of every rule, and the one inside base64 Secret data', async () => {
    const dir = tree(files);
    const r = await cli(['scan', '.', '--scanners', 'secrets', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: { checkId: string; location: { path: string; startLine: number }; resource: { kind: string }; dataPath: string }[] };
    for (const p of plants) {
      assert.ok(
        report.findings.some((f) => f.checkId === p.rule.meta.id && f.location.path === p.file),
        `${p.rule.meta.id} ${p.rule.meta.slug} not found in ${p.file}; found there: ${report.findings.filter((f) => f.location.path === p.file).map((f) => f.checkId).join(', ')}`,
      );
    }
    const inSecret = report.findings.find((f) => f.location.path === 'k8s/secret.yaml');
    assert.ok(inSecret, 'secret inside base64 data not found');
    assert.equal(inSecret.resource.kind, 'Secret');
    assert.equal(inSecret.dataPath, 'data.aws');
    assert.equal(inSecret.location.startLine, 6);
    assert.ok(!report.findings.some((f) => f.location.path.startsWith('bin/')), 'binary file must be skipped');
  });

  it('never prints a secret in full, in any format', async () => {
    const dir = tree(files);
    const r = await cli(
      ['scan', '.', '--scanners', 'config,secrets', '--fail-on', 'none', '-f', 'table', '-f', 'json=o/r.json', '-f', 'sarif=o/r.sarif', '-f', 'junit=o/r.xml', '-f', 'markdown=o/r.md'],
      { cwd: dir },
    );
    const outputs = { table: r.stdout, ...Object.fromEntries(['r.json', 'r.sarif', 'r.xml', 'r.md'].map((f) => [f, readFileSync(join(dir, 'o', f), 'utf8')])) };
    for (const p of plants) {
      for (const [name, text] of Object.entries(outputs)) {
        assert.ok(!text.includes(p.secret), `${p.rule.meta.id}: the secret appears in full in ${name}`);
      }
    }
    assert.match(outputs.table, /\*{8}/);
  });

  it('a waiver can target one secret by fingerprint', async () => {
    const dir = tree(files);
    const first = JSON.parse((await cli(['scan', '.', '--scanners', 'secrets', '-f', 'json', '--fail-on', 'none'], { cwd: dir })).stdout) as {
      findings: { fingerprint: string; suppressed: unknown }[];
    };
    const target = first.findings[0]!.fingerprint;
    const dir2 = tree({ ...files, '.palisade/waivers.yaml': `waivers:\n  - checks: ["category:secrets"]\n    fingerprints: ["${target}"]\n    reason: test fixture key, revoked\n` });
    const second = JSON.parse((await cli(['scan', '.', '--scanners', 'secrets', '-f', 'json', '--fail-on', 'none'], { cwd: dir2 })).stdout) as {
      findings: { fingerprint: string; suppressed: { by: string } | null }[];
    };
    const sup = second.findings.filter((f) => f.suppressed);
    assert.deepEqual(sup.map((f) => f.fingerprint), [target]);
    assert.equal(sup[0]!.suppressed!.by, 'waiver-file');
  });

  it('the fingerprint survives the secret moving to another line', async () => {
    const a = tree({ 'x.env': `A=1\nKEY=${plants[0]!.text}` });
    const b = tree({ 'x.env': `\n\n\nA=1\n\nKEY=${plants[0]!.text}` });
    const fa = JSON.parse((await cli(['scan', '.', '--scanners', 'secrets', '-f', 'json'], { cwd: a })).stdout).findings[0].fingerprint;
    const fb = JSON.parse((await cli(['scan', '.', '--scanners', 'secrets', '-f', 'json'], { cwd: b })).stdout).findings[0].fingerprint;
    assert.equal(fa, fb);
  });

  it('rejects an unknown scanner with exit 2', async () => {
    assert.equal((await cli(['scan', '.', '--scanners', 'viruses'], { cwd: tree({}) })).code, 2);
  });
});

describe('palisade scan --git', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', '-c', 'init.defaultBranch=main', ...args], {
      cwd,
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-05T10:00:00Z', GIT_COMMITTER_DATE: '2026-01-05T10:00:00Z' },
      stdio: 'pipe',
    }).toString();

  it('finds a secret that a later commit deleted, with the commit that added it; exits 1', async () => {
    const plant = planted()[0]!;
    const repo = tree({ 'README.md': '# app\n' });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'init');
    writeFileSync(join(repo, 'deploy.env'), `A=1\nB=2\n${plant.text}`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'add config');
    const sha = git(repo, 'rev-parse', 'HEAD').trim();
    git(repo, 'rm', '-q', 'deploy.env');
    git(repo, 'commit', '-qm', 'remove config');

    const r = await cli(['scan', '--git', '.', '-f', 'json'], { cwd: repo });
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!r.stdout.includes(plant.secret), 'secret printed in full');
    const report = JSON.parse(r.stdout) as { findings: { checkId: string; location: { path: string; startLine: number }; provenance?: { commit: string; authorDate: string } }[] };
    const f = report.findings.find((x) => x.checkId === plant.rule.meta.id)!;
    assert.ok(f, 'history finding missing');
    assert.deepEqual([f.location.path, f.location.startLine, f.provenance?.commit], ['deploy.env', 3, sha]);
    assert.match(f.provenance!.authorDate, /^2026-01-05T10:00:00/);
  });

  it('a directory that is not a repository is a scan error (exit 3), never a silent pass', async () => {
    const r = await cli(['scan', '--git', '.', '-f', 'json'], { cwd: tree({ 'a.txt': 'x' }) });
    assert.equal(r.code, 3);
    assert.match(JSON.parse(r.stdout).targets[0].errors[0].code, /not-a-git-repo/);
  });
});

describe('Secret data is scanned with its key name as context', () => {
  it('finds a context-dependent secret whose key names the provider', async () => {
    const awsRule = BUILTIN_SECRET_RULES.find((r) => r.meta.slug === 'aws-secret-access-key')!;
    const value = /([A-Za-z0-9/+]{40})/.exec(awsRule.meta.examples.positive[0]!)![1]!;
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: n}\ndata:\n  AWS_SECRET_ACCESS_KEY: ${Buffer.from(value).toString('base64')}\n`;
    const r = await cli(['scan', '.', '--scanners', 'secrets', '-f', 'json', '--fail-on', 'none'], { cwd: tree({ 's.yaml': manifest }) });
    const f = (JSON.parse(r.stdout) as { findings: { slug: string; dataPath: string }[] }).findings;
    assert.ok(f.some((x) => x.slug === 'aws-secret-access-key' && x.dataPath === 'data.AWS_SECRET_ACCESS_KEY'), JSON.stringify(f));
    assert.ok(!r.stdout.includes(value));
  });
});

describe('every rule, in git history and in an image layer that deletes it, redacted in every format', () => {
  const plants = planted();
  const formats = (dir: string) => ['-f', 'table', '-f', `json=${dir}/o/r.json`, '-f', `sarif=${dir}/o/r.sarif`, '-f', `junit=${dir}/o/r.xml`, '-f', `markdown=${dir}/o/r.md`];
  const outputsOf = (dir: string, table: string) => [table, ...['r.json', 'r.sarif', 'r.xml', 'r.md'].map((f) => readFileSync(join(dir, 'o', f), 'utf8'))];
  const assertAll = (report: { findings: { checkId: string; location: { path: string } }[] }, outputs: string[], where: (p: (typeof plants)[number]) => string) => {
    for (const p of plants) {
      assert.ok(
        report.findings.some((f) => f.checkId === p.rule.meta.id && f.location.path.endsWith(where(p))),
        `${p.rule.meta.id} ${p.rule.meta.slug} not found at ${where(p)}`,
      );
      for (const text of outputs) assert.ok(!text.includes(p.secret), `${p.rule.meta.id}: secret printed in full`);
    }
  };

  it('git history: every rule found after a later commit deleted the files', async () => {
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' }).toString();
    const repo = tree(Object.fromEntries(plants.map((p) => [p.file, p.text])));
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'leak');
    git(repo, 'rm', '-rq', 'planted');
    git(repo, 'commit', '-qm', 'clean up');
    const out = tree({});
    const r = await cli(['scan', '--git', repo, '--fail-on', 'none', ...formats(out)], { cwd: out });
    assertAll(JSON.parse(readFileSync(join(out, 'o/r.json'), 'utf8')), outputsOf(out, r.stdout), (p) => p.file);
  });

  it('image: every rule found in a layer that a later layer deletes', async () => {
    const { gz, oci, tarOf } = await import('../src/scan/image/test-image.js');
    const l0 = await tarOf(plants.map((p) => ({ name: p.file, content: p.text })));
    const l1 = await tarOf([{ name: '.wh.planted', content: '' }]);
    const { dir } = await oci([gz(l0), gz(l1)]);
    const out = tree({});
    const r = await cli(['scan', '--image', dir, '--fail-on', 'none', ...formats(out)], { cwd: out });
    const report = JSON.parse(readFileSync(join(out, 'o/r.json'), 'utf8')) as { findings: { checkId: string; message: string; location: { path: string } }[] };
    assertAll(report, outputsOf(out, r.stdout), (p) => `!/${p.file}`);
    assert.ok(report.findings.every((f) => /deleted by layer 1/.test(f.message)));
  });
});
