import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, tree } from './helpers.js';

const DEPLOY = (name: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
${extra}      containers:
        - name: app
          image: registry.example/${name}:1.0
          securityContext:
            privileged: true
`;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  }).trim();
}

/** A repository whose second commit moves the old finding down (lines change, fingerprint does not) and adds new ones. */
function fixtureRepo(): string {
  const dir = tree({ 'deploy/app.yaml': DEPLOY('cart'), 'README.md': 'shop\n' });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  writeFileSync(join(dir, 'deploy/app.yaml'), `# a comment that moves everything down\n\n${DEPLOY('cart', '      hostNetwork: true\n')}---\n${DEPLOY('checkout')}`);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'second');
  return dir;
}

const ids = (stdout: string): string[] => (JSON.parse(stdout) as { findings: { checkId: string; resource: { name: string } }[] }).findings.map((f) => `${f.resource.name} ${f.checkId}`).sort();

describe('diff-only scans', () => {
  it('--since <ref> reports only the findings introduced after the ref, matched by fingerprint not line', async () => {
    const dir = fixtureRepo();
    const all = await cli(['scan', 'deploy', '--scanners', 'config', '-f', 'json', '--no-config'], { cwd: dir });
    const since = await cli(['scan', 'deploy', '--scanners', 'config', '-f', 'json', '--no-config', '--since', 'HEAD~1'], { cwd: dir });
    assert.equal(since.stderr, '');
    const allIds = ids(all.stdout);
    const newIds = ids(since.stdout);
    assert.ok(newIds.length > 0 && newIds.length < allIds.length, `${newIds.length} of ${allIds.length}`);
    // Every old finding of `cart` is gone although its lines moved; the new hostNetwork finding on cart and all of checkout stay.
    const cartOld = allIds.filter((i) => i.startsWith('cart ') && !newIds.includes(i));
    assert.ok(cartOld.length > 0);
    assert.ok(newIds.some((i) => i.startsWith('cart ')), 'the hostNetwork finding added to cart is new');
    assert.deepEqual(
      newIds.filter((i) => i.startsWith('checkout ')),
      allIds.filter((i) => i.startsWith('checkout ')),
    );
    const report = JSON.parse(since.stdout) as { diff: { kind: string; base: string; commit: string; unchanged: number } };
    assert.equal(report.diff.kind, 'git');
    assert.equal(report.diff.base, 'HEAD~1');
    assert.equal(report.diff.commit, git(dir, 'rev-parse', 'HEAD~1'));
    assert.equal(report.diff.unchanged, allIds.length - newIds.length);
    // The scan did not touch the repository: no stray files, same HEAD, clean status.
    assert.equal(git(dir, 'status', '--porcelain'), '');
  });

  it('--since from a subdirectory compares the same files', async () => {
    const dir = fixtureRepo();
    const sub = join(dir, 'deploy');
    const since = await cli(['scan', '.', '--scanners', 'config', '-f', 'json', '--no-config', '--since', 'HEAD~1'], { cwd: sub });
    const fromRoot = await cli(['scan', 'deploy', '--scanners', 'config', '-f', 'json', '--no-config', '--since', 'HEAD~1'], { cwd: dir });
    assert.deepEqual(ids(since.stdout), ids(fromRoot.stdout));
  });

  it('the table says how many unchanged findings are not shown, and the gate counts only new ones', async () => {
    const dir = fixtureRepo();
    const r = await cli(['scan', 'deploy', '--scanners', 'config', '--no-config', '--since', 'HEAD~1'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\d+ unchanged since HEAD~1 \([0-9a-f]{12}\) not shown/);
    const head = await cli(['scan', 'deploy', '--scanners', 'config', '--no-config', '--since', 'HEAD'], { cwd: dir });
    assert.equal(head.code, 0, head.stdout);
  });

  it('--baseline <report.json> drops what the stored report already had', async () => {
    const dir = fixtureRepo();
    git(dir, 'checkout', '-q', 'HEAD~1');
    const old = await cli(['scan', 'deploy', '--scanners', 'config', '--no-config', '-f', `json=${join(dir, '..', `${dir.split('/').pop()}-base.json`)}`], { cwd: dir });
    assert.equal(old.code, 1);
    git(dir, 'checkout', '-q', 'main');
    const basePath = join(dir, '..', `${dir.split('/').pop()}-base.json`);
    const since = await cli(['scan', 'deploy', '--scanners', 'config', '--no-config', '-f', 'json', '--since', 'HEAD~1'], { cwd: dir });
    const baseline = await cli(['scan', 'deploy', '--scanners', 'config', '--no-config', '-f', 'json', '--baseline', basePath], { cwd: dir });
    assert.deepEqual(ids(baseline.stdout), ids(since.stdout));
    const report = JSON.parse(baseline.stdout) as { diff: { kind: string; base: string } };
    assert.equal(report.diff.kind, 'report');
    assert.ok(JSON.parse(readFileSync(basePath, 'utf8')).findings.length > 0);
  });

  it('bad bases are usage errors (exit 2) that say what to do', async () => {
    const dir = fixtureRepo();
    const badRef = await cli(['scan', 'deploy', '--no-config', '--since', 'no-such-branch'], { cwd: dir });
    assert.equal(badRef.code, 2);
    assert.match(badRef.stderr, /"no-such-branch" is not a commit/);
    const notGit = tree({ 'a.yaml': DEPLOY('x') });
    const noRepo = await cli(['scan', '.', '--no-config', '--since', 'main'], { cwd: notGit });
    assert.equal(noRepo.code, 2);
    assert.match(noRepo.stderr, /--since needs a git repository/);
    writeFileSync(join(notGit, 'junk.json'), '{"hello": 1}');
    const junk = await cli(['scan', 'a.yaml', '--no-config', '--baseline', 'junk.json'], { cwd: notGit });
    assert.equal(junk.code, 2);
    assert.match(junk.stderr, /not a Palisade JSON report/);
    const both = await cli(['scan', 'deploy', '--no-config', '--since', 'HEAD', '--baseline', 'junk.json'], { cwd: dir });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /cannot be combined/);
  });
});
