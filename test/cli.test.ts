import assert from 'node:assert/strict';
import { chmodSync, readFileSync, symlinkSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLEAN_POD, PRIVILEGED_POD, bin, cli, tree } from './helpers.js';
import { reportValidator, sarifValidator } from './schemas.js';

const json = (s: string) => JSON.parse(s) as {
  findings: { checkId: string; slug: string; location: { path: string; startLine: number; startColumn: number }; suppressed: null | { by: string } }[];
  targets: { path: string; errors: { code: string; message: string; location: { startLine: number } }[]; warnings: { code: string }[] }[];
  summary: { total: number; suppressed: number; errors: number; resources: number; skippedDocuments: number };
  expiredWaivers: unknown[];
};

describe('palisade scan: gate and exit codes', () => {
  it('exits 1 on a finding at/above the default threshold (high) and reports its exact line', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD });
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const f = json(r.stdout).findings.find((x) => x.slug === 'privileged-container');
    assert.ok(f);
    assert.deepEqual([f.location.path, f.location.startLine, f.location.startColumn], ['pod.yaml', 11, 9]);
  });

  it('exits 0 with --fail-on none, and 0 on a clean file', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD, 'clean/cm.yaml': CLEAN_POD });
    assert.equal((await cli(['scan', '.', '--fail-on', 'none'], { cwd: dir })).code, 0);
    assert.equal((await cli(['scan', 'clean'], { cwd: dir })).code, 0);
  });

  it('--fail-on critical ignores high findings only', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD.replace('privileged: true', 'privileged: false').replace('    - name: app', '    - name: app\n      ports: [{containerPort: 80, hostPort: 80}]') });
    const high = await cli(['scan', '.', '--fail-on', 'critical', '--format', 'json'], { cwd: dir });
    assert.ok(json(high.stdout).summary.total > 0);
    assert.equal(high.code, 0);
  });

  it('exits 2 on usage errors with a hint', async () => {
    const dir = tree({});
    for (const args of [['scan', '--fail-on', 'severe'], ['scan', '--format', 'xml'], ['scan', '--bogus'], ['frobnicate'], ['scan', '-f', 'json', '-f', 'sarif']]) {
      const r = await cli(args, { cwd: dir });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /palisade: .+\nRun `palisade --help`/, args.join(' '));
    }
  });

  it('exits 3 when a file cannot be scanned, naming file, line and column', async () => {
    const dir = tree({ 'ok.yaml': CLEAN_POD, 'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: [x\n' });
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 3);
    const t = json(r.stdout).targets.find((x) => x.path === 'broken.yaml')!;
    assert.equal(t.errors[0]!.code, 'yaml-syntax');
    assert.ok(t.errors[0]!.location.startLine >= 3);
    const table = await cli(['scan', '.'], { cwd: dir });
    assert.match(table.stdout, /broken\.yaml:\d+:\d+/);
  });

  it('exits 3 for a missing input path', async () => {
    const r = await cli(['scan', 'nope.yaml', '--format', 'json'], { cwd: tree({}) });
    assert.equal(r.code, 3);
    assert.match(json(r.stdout).targets[0]!.errors[0]!.message, /no such file/);
  });
});

describe('palisade scan: inputs', () => {
  it('walks directories, honours .gitignore (nested too), skips .git and node_modules', async () => {
    const dir = tree({
      '.gitignore': 'ignored/\n*.tmp.yaml\n',
      'a/pod.yaml': PRIVILEGED_POD,
      'a/.gitignore': 'local.yaml\n',
      'a/local.yaml': PRIVILEGED_POD,
      'ignored/pod.yaml': PRIVILEGED_POD,
      'x.tmp.yaml': PRIVILEGED_POD,
      '.git/config.yaml': PRIVILEGED_POD,
      'node_modules/pkg/pod.yaml': PRIVILEGED_POD,
      'notes.txt': 'not yaml',
      '.palisade.yaml': 'failOn: high\n',
      '.palisade/waivers.yaml': 'waivers: []\n',
    });
    const r = await cli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.deepEqual(json(r.stdout).targets.map((t) => t.path), ['a/pod.yaml']);
  });

  it('expands globs', async () => {
    const dir = tree({ 'k8s/a.yaml': PRIVILEGED_POD, 'k8s/sub/b.yml': CLEAN_POD, 'k8s/c.json': '{}' });
    const r = await cli(['scan', 'k8s/**/*.{yaml,yml}', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    assert.deepEqual(json(r.stdout).targets.map((t) => t.path).sort(), ['k8s/a.yaml', 'k8s/sub/b.yml']);
  });

  it('reads stdin with -', () => {
    const r = bin(['scan', '-', '--format', 'json'], { cwd: tree({}), input: PRIVILEGED_POD });
    assert.equal(r.code, 1, r.stderr);
    const report = json(r.stdout);
    assert.equal(report.findings[0]!.location.path, '<stdin>');
  });

  it('counts non-Kubernetes YAML as skipped, not an error', async () => {
    const dir = tree({ 'values.yaml': 'replicaCount: 2\n', 'pod.yaml': CLEAN_POD });
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(json(r.stdout).summary.skippedDocuments, 1);
    assert.equal(json(r.stdout).summary.errors, 0);
  });

  it('survives a symlink loop and reports it as a warning', async () => {
    const dir = tree({ 'a/pod.yaml': CLEAN_POD });
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'));
    symlinkSync(join(dir, 'self'), join(dir, 'self'));
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: dir });
    const report = json(r.stdout);
    assert.ok(report.targets.some((t) => t.warnings.some((w) => w.code === 'symlink-loop')), JSON.stringify(report.targets));
    assert.equal(report.summary.resources, 1);
  });

  it('skips oversized files with a warning, refuses binary, UTF-16 and invalid UTF-8 files', async () => {
    const dir = tree({
      'big.yaml': CLEAN_POD + '#'.repeat(5000) + '\n',
      'bin.yaml': Buffer.from([0x61, 0x00, 0x62]),
      'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]),
      'latin1.yaml': Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n', 'latin1'),
    });
    const r = await cli(['scan', '.', '--format', 'json', '--max-file-size', '4000'], { cwd: dir });
    const by = Object.fromEntries(json(r.stdout).targets.map((t) => [t.path, t]));
    assert.equal(by['big.yaml']!.warnings[0]!.code, 'too-large');
    assert.equal(by['bin.yaml']!.warnings[0]!.code, 'binary');
    assert.equal(by['utf16.yaml']!.errors[0]!.code, 'encoding');
    assert.match(by['latin1.yaml']!.errors[0]!.message, /invalid UTF-8 at byte 51/);
    assert.equal(r.code, 3);
  });

  it('reports an unreadable file as an error', async (t) => {
    if (process.getuid?.() === 0) {
      t.skip('running as root: permissions cannot make a file unreadable');
      return;
    }
    const dir = tree({ 'secret.yaml': CLEAN_POD });
    chmodSync(join(dir, 'secret.yaml'), 0);
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 3);
  });

  it('walks a 1,000-level deep directory tree without recursion limits', async () => {
    const deep = Array.from({ length: 1000 }, () => 'd').join('/');
    const dir = tree({ [`${deep}/pod.yaml`]: PRIVILEGED_POD });
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(json(r.stdout).summary.resources, 1);
  });

  it('an alias bomb is refused with a located error, not expanded', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const dir = tree({ 'bomb.yaml': lines.join('\n') + '\n' });
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 3);
    assert.equal(json(r.stdout).targets[0]!.errors[0]!.code, 'alias-bomb');
  });
});

describe('palisade scan: outputs', () => {
  it('writes several formats in one run', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD });
    const r = await cli(['scan', 'pod.yaml', '--format', 'sarif=out/r.sarif', '--format', 'junit=out/r.xml', '--format', 'markdown=out/r.md', '--format', 'table'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /privileged-container/);
    const sarif = JSON.parse(readFileSync(join(dir, 'out/r.sarif'), 'utf8')) as { version: string };
    assert.equal(sarif.version, '2.1.0');
    const validSarif = sarifValidator();
    assert.ok(validSarif(sarif), JSON.stringify(validSarif.errors?.slice(0, 3)));
    assert.match(readFileSync(join(dir, 'out/r.xml'), 'utf8'), /<testsuites/);
    assert.match(readFileSync(join(dir, 'out/r.md'), 'utf8'), /privileged-container/);
  });

  it('colours only on a TTY and never with NO_COLOR', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD });
    assert.ok((await cli(['scan', '.'], { cwd: dir, tty: true })).stdout.includes('\x1b['));
    assert.ok(!(await cli(['scan', '.'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout.includes('\x1b['));
    assert.ok(!(await cli(['scan', '.'], { cwd: dir, tty: false })).stdout.includes('\x1b['));
  });

  it('-o writes the single output to a file', async () => {
    const dir = tree({ 'pod.yaml': PRIVILEGED_POD });
    await cli(['scan', '.', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    assert.ok(existsSync(join(dir, 'report.json')));
  });
});

describe('palisade scan: real outputs validate against their schemas', () => {
  it('the examples scan (findings, a file waiver, warnings) gives schema-valid SARIF and JSON', async () => {
    const root = join(import.meta.dirname, '..');
    const r = await cli(['scan', 'examples', '-f', 'sarif=.tmp/e2e/r.sarif', '-f', 'json=.tmp/e2e/r.json', '--scanners', 'config,secrets'], { cwd: root });
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(readFileSync(join(root, '.tmp/e2e/r.sarif'), 'utf8')) as { runs: { results: { suppressions?: unknown[] }[] }[] };
    const validSarif = sarifValidator();
    assert.ok(validSarif(sarif), JSON.stringify(validSarif.errors?.slice(0, 3)));
    assert.ok(sarif.runs[0]!.results.some((x) => x.suppressions?.length), 'the waived finding is a SARIF suppression');
    const validJson = reportValidator();
    assert.ok(validJson(JSON.parse(readFileSync(join(root, '.tmp/e2e/r.json'), 'utf8'))), JSON.stringify(validJson.errors?.slice(0, 3)));
  });
});

describe('palisade scan: config and waivers', () => {
  it('finds .palisade.yaml upward and applies it', async () => {
    const dir = tree({ '.palisade.yaml': 'failOn: none\nchecks:\n  disable: [privileged-container]\n', 'deploy/pod.yaml': PRIVILEGED_POD });
    const r = await cli(['scan', 'deploy', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.ok(!json(r.stdout).findings.some((f) => f.slug === 'privileged-container'));
  });

  it('a broken config is exit 2 with file:line:col', async () => {
    const dir = tree({ '.palisade.yaml': 'checks:\n  disable: [no-such-check]\n', 'pod.yaml': CLEAN_POD });
    const r = await cli(['scan', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.palisade\.yaml:2:\d+: checks\.disable: unknown check or category "no-such-check"/);
  });

  it('--no-config ignores it', async () => {
    const dir = tree({ '.palisade.yaml': 'checks:\n  disable: [no-such-check]\n', 'pod.yaml': CLEAN_POD });
    assert.equal((await cli(['scan', '.', '--no-config'], { cwd: dir })).code, 0);
  });

  it('an annotation waiver suppresses, stays in JSON marked suppressed, and does not count for the gate', async () => {
    const pod = PRIVILEGED_POD.replace('  namespace: apps\n', '  namespace: apps\n  annotations:\n    palisade.dev/waive: privileged-container\n    palisade.dev/waive-reason: "GPU driver installer"\n');
    const dir = tree({ 'pod.yaml': pod });
    const r = await cli(['scan', '.', '--format', 'json', '--fail-on', 'critical'], { cwd: dir });
    const f = json(r.stdout).findings.find((x) => x.slug === 'privileged-container')!;
    assert.equal(f.suppressed?.by, 'annotation');
    assert.equal(r.code, 0);
  });

  it('.palisade/waivers.yaml applies until it expires; then the finding gates again and the waiver is reported', async () => {
    const waivers = 'waivers:\n  - checks: [PAL-K8S-0001]\n    resource: { name: priv }\n    reason: migration\n    owner: team-a\n    expires: 2026-12-01\n';
    const dir = tree({ '.palisade/waivers.yaml': waivers, 'deploy/pod.yaml': PRIVILEGED_POD });
    const before = await cli(['scan', 'deploy', '--format', 'json', '--fail-on', 'critical'], { cwd: dir, now: '2026-11-30T10:00:00Z' });
    assert.equal(before.code, 0);
    const after = await cli(['scan', 'deploy', '--format', 'json', '--fail-on', 'critical'], { cwd: dir, now: '2026-12-02T10:00:00Z' });
    assert.equal(after.code, 1);
    assert.equal(json(after.stdout).expiredWaivers.length, 1);
    const table = await cli(['scan', 'deploy', '--fail-on', 'critical'], { cwd: dir, now: '2026-12-02T10:00:00Z' });
    assert.match(table.stdout, /expired/i);
  });
});

describe('palisade checks', () => {
  it('lists at least 100 checks in every format', async () => {
    const dir = tree({});
    const t = await cli(['checks', 'list'], { cwd: dir });
    assert.match(t.stdout, /PAL-K8S-0001\s+privileged-container/);
    const j = JSON.parse((await cli(['checks', 'list', '--format', 'json'], { cwd: dir })).stdout) as unknown[];
    assert.ok(j.length >= 100, `only ${j.length} checks`);
    assert.match((await cli(['checks', 'list', '--format', 'markdown'], { cwd: dir })).stdout, /\| PAL-K8S-0001 \| \[privileged-container\]/);
  });

  it('explains a check by id or slug, and exits 2 for an unknown one', async () => {
    const dir = tree({});
    const a = await cli(['checks', 'explain', 'PAL-K8S-0001'], { cwd: dir });
    const b = await cli(['checks', 'explain', 'privileged-container'], { cwd: dir });
    assert.equal(a.stdout, b.stdout);
    assert.match(a.stdout, /CKV_K8S_16/);
    assert.equal((await cli(['checks', 'explain', 'nope'], { cwd: dir })).code, 2);
  });

  it('prints help with examples and exit codes', async () => {
    const r = await cli(['scan', '--help'], { cwd: tree({}) });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Examples:/);
    assert.match(r.stdout, /Exit codes/);
  });
});
