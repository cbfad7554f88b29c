import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { reportValidator } from '../../test/schemas.js';
import { REPORT_SCHEMA_VERSION, summarize } from '../core/report.js';
import { scanText } from '../secrets/engine.js';
import { BUILTIN_SECRET_RULES } from '../secrets/rules/index.js';
import { scanGitHistory } from './git-history.js';
import { secretsInText } from './secrets.js';

const RULES = BUILTIN_SECRET_RULES;

/** A rule's first positive example as one line, and the raw secret in it (checked to be exactly one hit of that rule). */
function sample(id: string): { line: string; secret: string; id: string } {
  const rule = RULES.find((r) => r.meta.id === id)!;
  const line = rule.meta.examples.positive[0]!;
  assert.ok(!line.includes('\n'), `${id}: pick a one-line example`);
  const m = new RegExp(rule.pattern.source, rule.pattern.flags).exec(line)!;
  const hits = scanText(line, RULES);
  assert.deepEqual(hits.map((h) => h.rule.meta.id), [id]);
  return { line, secret: m[rule.secretGroup]!, id };
}

const AWS = sample('PAL-SEC-0001');
const GITHUB = sample('PAL-SEC-0031');
const GITLAB = sample('PAL-SEC-0032');
const HF = sample('PAL-SEC-0060');
const SLACK = sample('PAL-SEC-0039');
const ALL_SECRETS = [AWS, GITHUB, GITLAB, HF, SLACK].map((s) => s.secret);

const dirs: string[] = [];
after(() => {
  for (const d of dirs) {
    // Git makes objects read-only; the corrupt-repo test also leaves some behind.
    spawnSync('chmod', ['-R', 'u+w', d]);
    rmSync(d, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'palisade-git-'));
  dirs.push(d);
  return d;
}

/** Isolated from the user's git config, so tests see the same git everywhere. */
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

class Repo {
  readonly dir = tempDir();
  constructor() {
    this.git(['init', '-q', '-b', 'main']);
  }

  git(args: string[], opts: { day?: number; author?: string; input?: string; allowFail?: boolean } = {}): string {
    const date = `2024-01-${String(opts.day ?? 1).padStart(2, '0')}T10:00:00+00:00`;
    const r = spawnSync('git', ['-c', `user.name=${opts.author ?? 'Alice Example'}`, '-c', 'user.email=alice@example.com', ...args], {
      cwd: this.dir,
      env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      input: opts.input ?? '',
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0 && !opts.allowFail) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  }

  /** Writes (or, for null, deletes) files and commits them all; returns the commit SHA. */
  commit(files: Record<string, string | Buffer | null>, day: number, author?: string): string {
    for (const [rel, content] of Object.entries(files)) {
      const p = join(this.dir, rel);
      if (content === null) rmSync(p);
      else {
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, content);
      }
    }
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '-m', `day ${day}`], { day, author });
    return this.git(['rev-parse', 'HEAD']);
  }
}

const lines = (n: number, f: (i: number) => string = (i) => `line ${i}`): string =>
  Array.from({ length: n }, (_, i) => f(i + 1)).join('\n') + '\n';

describe('scanGitHistory', () => {
  it('finds a secret added in commit 1 and removed in commit 2, with commit 1, its date, author and line', async () => {
    const repo = new Repo();
    const c1 = repo.commit({ 'config/app.env': `# settings\nLOG=info\n${AWS.line}\nPORT=80\n` }, 2, 'Zoë Ödegård');
    repo.commit({ 'config/app.env': '# settings\nLOG=info\nPORT=80\n' }, 3);
    const r = await scanGitHistory(repo.dir, RULES);
    assert.deepEqual(r.errors, []);
    assert.equal(r.commits, 2);
    assert.equal(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.equal(f.checkId, AWS.id);
    assert.deepEqual(f.provenance, { commit: c1, authorDate: '2024-01-02T10:00:00+00:00', author: 'Zoë Ödegård' });
    assert.equal(f.location.path, 'config/app.env');
    assert.equal(f.location.startLine, 3);
    assert.equal(f.location.startColumn, AWS.line.indexOf(AWS.secret) + 1);
    assert.equal(f.location.endColumn, AWS.line.indexOf(AWS.secret) + AWS.secret.length + 1);
    assert.match(f.message, new RegExp(`commit ${c1.slice(0, 7)}[0-9a-f]* \\(2024-01-02\\)`));
    // Same fingerprint as a working-tree scan of that file: baselines and waivers carry over.
    assert.equal(f.fingerprint, secretsInText(`x\n\n${AWS.line}\n`, 'config/app.env', RULES)[0]!.fingerprint);
  });

  it('maps a secret added on line 7, between lines added earlier, to line 7 (added lines are not contiguous)', async () => {
    const repo = new Repo();
    const before = lines(10);
    repo.commit({ 'a.txt': before }, 1);
    const after = before.split('\n');
    after[1] = 'line 2 changed';
    after.splice(6, 0, `   ${GITHUB.line}`); // new line 7
    after[10] = 'line 10 changed';
    const c2 = repo.commit({ 'a.txt': after.join('\n') }, 2);
    const r = await scanGitHistory(repo.dir, RULES);
    assert.deepEqual(r.errors, []);
    assert.equal(r.findings.length, 1);
    const f = r.findings[0]!;
    assert.equal(f.provenance?.commit, c2);
    assert.equal(f.location.startLine, 7);
    assert.equal(f.location.endLine, 7);
    assert.equal(f.location.startColumn, 3 + GITHUB.line.indexOf(GITHUB.secret) + 1);
  });

  it('scans every branch, reports a merged secret once at its own commit, and finds secrets a merge itself adds', async () => {
    const repo = new Repo();
    repo.commit({ 'base.txt': lines(5) }, 1);
    repo.git(['checkout', '-q', '-b', 'feature']);
    const cFeature = repo.commit({ 'feature.txt': `${GITLAB.line}\n`, 'base.txt': lines(5).replace('line 3', 'feature 3') }, 2);
    repo.git(['checkout', '-q', '-b', 'unmerged', 'main']);
    const cUnmerged = repo.commit({ 'unmerged.txt': `x\n${HF.line}\n` }, 3);
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ 'base.txt': lines(5).replace('line 3', 'main 3') }, 4);
    // A conflicting merge whose resolution adds a secret of its own ("evil merge").
    repo.git(['merge', '-q', '--no-commit', 'feature'], { day: 5, allowFail: true });
    writeFileSync(join(repo.dir, 'base.txt'), lines(5).replace('line 3', `resolved 3\n${SLACK.line}`));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-edit'], { day: 5 });
    const cMerge = repo.git(['rev-parse', 'HEAD']);
    assert.equal(repo.git(['rev-list', '--parents', '-n', '1', 'HEAD']).split(' ').length, 3, 'a merge commit');

    const r = await scanGitHistory(repo.dir, RULES);
    assert.deepEqual(r.errors, []);
    assert.equal(r.commits, 5);
    const got = r.findings.map((f) => [f.checkId, f.location.path, f.location.startLine, f.provenance?.commit]);
    assert.deepEqual(got, [
      [SLACK.id, 'base.txt', 4, cMerge],
      [GITLAB.id, 'feature.txt', 1, cFeature],
      [HF.id, 'unmerged.txt', 2, cUnmerged],
    ]);
  });

  it('keeps a renamed file\'s secret at the path and commit that introduced it, and scans lines added after the move', async () => {
    const repo = new Repo();
    const c1 = repo.commit({ 'old/creds.txt': `${lines(3)}${AWS.line}\n` }, 1);
    mkdirSync(join(repo.dir, 'new dir'));
    repo.git(['mv', 'old/creds.txt', 'new dir/crëds "prod".txt']);
    repo.git(['commit', '-q', '-m', 'move'], { day: 2 });
    const c3 = repo.commit({ 'new dir/crëds "prod".txt': `${lines(3)}${AWS.line}\nmore\n${GITHUB.line}\n` }, 3);
    const r = await scanGitHistory(repo.dir, RULES);
    assert.deepEqual(r.errors, []);
    const got = r.findings.map((f) => [f.checkId, f.location.path, f.location.startLine, f.provenance?.commit]);
    assert.deepEqual(got, [
      [GITHUB.id, 'new dir/crëds "prod".txt', 6, c3],
      [AWS.id, 'old/creds.txt', 4, c1],
    ]);
  });

  it('reads paths with spaces, tabs, quotes, backslashes and non-ASCII characters exactly', async () => {
    const repo = new Repo();
    const names = ['with space.env', 'tab\there.env', 'quo"te.env', 'back\\slash.env', 'ünïcødé/日本.env'];
    repo.commit(Object.fromEntries(names.map((n) => [n, `${GITLAB.line}\n`])), 1);
    const r = await scanGitHistory(repo.dir, RULES);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.findings.map((f) => f.location.path).sort(), [...names].sort());
  });

  it('skips binary files', async () => {
    const repo = new Repo();
    repo.commit({ 'blob.bin': Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`\n${AWS.line}\n`)]), 'ok.txt': 'fine\n' }, 1);
    const r = await scanGitHistory(repo.dir, RULES);
    assert.deepEqual(r, { findings: [], errors: [], commits: 1 });
  });

  it('reports one finding for a secret removed and re-added later, and one per file for the same secret in two files', async () => {
    const repo = new Repo();
    const c1 = repo.commit({ 'a.env': `${AWS.line}\n` }, 1);
    repo.commit({ 'a.env': 'gone\n' }, 2);
    repo.commit({ 'a.env': `gone\n${AWS.line}\n`, 'b.env': `\n\n${AWS.line}\n` }, 3);
    const c4 = repo.commit({ 'c.env': `${AWS.line}\n${AWS.line}\n` }, 4);
    const r = await scanGitHistory(repo.dir, RULES);
    const got = r.findings.map((f) => [f.location.path, f.location.startLine, f.provenance?.commit]);
    assert.equal(got[0]![2], c1);
    assert.deepEqual(got.map((g) => g.slice(0, 2)), [['a.env', 1], ['b.env', 3], ['c.env', 1]]);
    assert.equal(got[2]![2], c4);
    assert.equal(new Set(r.findings.map((f) => f.fingerprint)).size, 3);
  });

  it('finds the right line in a 10,000-line commit (added text scanned in pieces)', async () => {
    const repo = new Repo();
    const pad = 'x'.repeat(150); // 10,000 × ~160 chars: more than one 1 MiB piece
    const content = lines(10_000, (i) => (i === 9_876 ? `${pad} ${GITHUB.line}` : i === 3 ? AWS.line : `${pad} ${i}`));
    const c1 = repo.commit({ 'big/generated.txt': content }, 1);
    const r = await scanGitHistory(repo.dir, RULES);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.findings.map((f) => [f.checkId, f.location.startLine, f.provenance?.commit]),
      [[AWS.id, 3, c1], [GITHUB.id, 9_876, c1]],
    );
  });

  it('limits the scan with since (a revision or a range) and maxCommits', async () => {
    const repo = new Repo();
    const c1 = repo.commit({ 'a.env': `${AWS.line}\n` }, 1);
    const c2 = repo.commit({ 'b.env': `${GITHUB.line}\n` }, 2);
    repo.commit({ 'c.env': `${GITLAB.line}\n` }, 3);
    const ids = (r: { findings: { checkId: string }[] }) => r.findings.map((f) => f.checkId);
    const since = await scanGitHistory(repo.dir, RULES, { since: c1 });
    assert.equal(since.commits, 2);
    assert.deepEqual(ids(since), [GITHUB.id, GITLAB.id]);
    const range = await scanGitHistory(repo.dir, RULES, { since: `${c1}..${c2}` });
    assert.deepEqual([range.commits, ids(range)], [1, [GITHUB.id]]);
    const newest = await scanGitHistory(repo.dir, RULES, { maxCommits: 1 });
    assert.deepEqual([newest.commits, ids(newest)], [1, [GITLAB.id]]);
    const bad = await scanGitHistory(repo.dir, RULES, { since: 'no-such-branch' });
    assert.equal(bad.errors[0]?.code, 'git-error');
    assert.match(bad.errors[0]!.message, /no-such-branch/);
    const opt = await scanGitHistory(repo.dir, RULES, { since: '--output=/tmp/x' });
    assert.equal(opt.errors[0]?.code, 'invalid-option');
  });

  it('returns no findings, no errors and zero commits for an empty repository', async () => {
    const repo = new Repo();
    assert.deepEqual(await scanGitHistory(repo.dir, RULES), { findings: [], errors: [], commits: 0 });
  });

  it('reports a directory that is not a repository, a missing directory and a missing git as errors', async () => {
    const plain = tempDir();
    writeFileSync(join(plain, 'x.env'), `${AWS.line}\n`);
    const r = await scanGitHistory(plain, RULES);
    assert.equal(r.findings.length, 0);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.code, 'not-a-git-repo');
    assert.match(r.errors[0]!.message, /is not a git repository/);
    assert.equal(r.errors[0]!.location.path, plain);

    const missing = await scanGitHistory(join(plain, 'nope'), RULES);
    assert.equal(missing.errors[0]?.code, 'unreadable');

    const repo = new Repo();
    repo.commit({ 'a.env': `${AWS.line}\n` }, 1);
    const noGit = await scanGitHistory(repo.dir, RULES, { git: join(plain, 'no-git-here') });
    assert.equal(noGit.errors[0]?.code, 'git-missing');
    assert.match(noGit.errors[0]!.message, /git is not installed/);
  });

  it('reports a corrupt repository as an error instead of crashing or returning silently', async () => {
    const repo = new Repo();
    repo.commit({ 'a.env': `${AWS.line}\n` }, 1);
    repo.commit({ 'b.env': `${GITHUB.line}\n` }, 2);
    const objects = join(repo.dir, '.git', 'objects');
    for (const d of readdirSync(objects).filter((n) => /^[0-9a-f]{2}$/.test(n))) {
      for (const f of readdirSync(join(objects, d))) {
        const p = join(objects, d, f);
        chmodSync(p, 0o644);
        writeFileSync(p, 'garbage');
      }
    }
    const r = await scanGitHistory(repo.dir, RULES);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.code, 'git-error');
    assert.match(r.errors[0]!.message, /git log failed .*(corrupt|unable|bad|inflate)/);
  });

  it('never puts a secret in full into its result, and its findings validate against the report schema', async () => {
    const repo = new Repo();
    repo.commit({ 'all.env': [AWS, GITHUB, GITLAB, HF, SLACK].map((s) => s.line).join('\n') + '\n' }, 1);
    repo.commit({ 'all.env': 'clean\n' }, 2);
    const r = await scanGitHistory(repo.dir, RULES);
    assert.equal(r.findings.length, 5);
    const json = JSON.stringify(r);
    for (const s of ALL_SECRETS) assert.ok(!json.includes(s), `secret ${s.slice(0, 4)}… leaked into the result`);
    const report = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'palisade', version: '0.0.0' },
      generatedAt: '2024-01-01T00:00:00.000Z',
      targets: [],
      findings: r.findings,
      expiredWaivers: [],
      summary: summarize([], r.findings),
    };
    const validate = reportValidator();
    assert.ok(validate(report), JSON.stringify(validate.errors));
  });

  it('scans a 500-commit history built with fast-import', async () => {
    const repo = new Repo();
    let stream = '';
    for (let i = 1; i <= 500; i++) {
      const body = lines(20, (n) => `commit ${i} line ${n}`) + (i === 250 ? `${AWS.line}\n` : '');
      const msg = `c${i}\n`;
      stream += `commit refs/heads/main\nmark :${i}\nauthor A <a@x> ${1_700_000_000 + i * 60} +0000\ncommitter A <a@x> ${1_700_000_000 + i * 60} +0000\n`;
      stream += `data ${Buffer.byteLength(msg)}\n${msg}`;
      if (i > 1) stream += `from :${i - 1}\n`;
      stream += `M 100644 inline file${i % 10}.txt\ndata ${Buffer.byteLength(body)}\n${body}\n`;
    }
    repo.git(['fast-import', '--quiet'], { input: stream });
    const r = await scanGitHistory(repo.dir, RULES);
    assert.deepEqual(r.errors, []);
    assert.equal(r.commits, 500);
    assert.deepEqual(r.findings.map((f) => [f.location.path, f.location.startLine]), [['file0.txt', 21]]);
    assert.ok(statSync(repo.dir).isDirectory());
  });
});
