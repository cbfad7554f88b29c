import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Finding } from '../core/finding.js';
import { fileLocation } from '../core/location.js';
import type { TargetIssue } from '../core/report.js';
import type { SecretRule } from '../secrets/define-rule.js';
import { scanText } from '../secrets/engine.js';
import { textSecretFinding } from './secrets.js';

/**
 * Secret scanning of a git repository's history, like `gitleaks git`: every commit reachable from any ref, only the
 * lines each commit ADDED.
 *
 * Decisions (see docs/json-output.md, "Git history"):
 * - One finding per (rule, path, secret): the fingerprint is the working-tree one (rule + path + secret hash, never the
 *   line or commit), so a secret still present at HEAD has the same fingerprint in a tree scan and a history scan. Of all
 *   the commits that added it, the one reported is the first in history order (git's `--date-order`: parents before
 *   children, otherwise by commit time), i.e. the commit that introduced it; its line is the line in that commit.
 * - Merge commits: a merge's dense combined diff (`--cc`), keeping only lines new to EVERY parent — conflict resolutions
 *   and "evil merge" content. Lines a merge brings from a branch were already scanned in that branch's commits.
 * - Renames are detected (`--find-renames`): a moved file is not rescanned, its secrets stay reported at the path where
 *   they were added; lines changed while moving are scanned under the new path.
 * - Binary diffs are skipped. Paths are repository-root-relative, as git prints them (unquoted, UTF-8).
 */

export interface GitHistoryOptions {
  /**
   * Limit the scan: a range (`A..B`, `A...B`) is scanned as given; a single revision `X` means "commits on any branch
   * that are not in X" (`--all ^X`), e.g. `origin/main` to scan only what a pull request adds.
   */
  since?: string;
  /** Scan at most this many commits, the most recent ones (`git log --max-count`). */
  maxCommits?: number;
  /** The git executable (default `git` from PATH). */
  git?: string;
}

export interface GitHistoryResult {
  findings: Finding[];
  /** Why the history was not (fully) scanned: not a repository, git missing, corrupt objects… Empty on success. */
  errors: TargetIssue[];
  /** Commits whose diffs were read. */
  commits: number;
}

/** Added text of one file is scanned in pieces of at most this size, so a huge commit never sits in memory whole. */
const CHUNK_CHARS = 1 << 20;

const MARK = '\u001ePALISADE\u001f';
const FORMAT = '%x1ePALISADE%x1f%H%x1f%h%x1f%aI%x1f%an';

/** Environment variables that would point git at another repository than `repoDir` (set inside git hooks). */
export const REPO_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_PREFIX'];

interface Commit {
  sha: string;
  short: string;
  authorDate: string;
  author: string;
}

/** `git log` arguments. Every setting that could change the output format is pinned, whatever the user's config says. */
function gitArgs(opts: GitHistoryOptions): string[] {
  const args = [
    '--no-pager',
    '-c', 'core.quotePath=false',
    '-c', 'log.showSignature=false',
    '-c', 'diff.suppressBlankEmpty=false',
    'log',
    '--date-order',
    '--root',
    '-p',
    '--cc',
    '--unified=0',
    '--inter-hunk-context=0',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--find-renames',
    '--submodule=short',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--encoding=UTF-8',
    `--format=${FORMAT}`,
  ];
  if (opts.maxCommits !== undefined) args.push(`--max-count=${opts.maxCommits}`);
  if (opts.since === undefined) args.push('--all');
  else if (opts.since.includes('..')) args.push(opts.since);
  else args.push('--all', `^${opts.since}`);
  args.push('--');
  return args;
}

/** Undoes git's C-style quoting of a path ("a\"b", "t\tab", octal bytes). */
function unquote(s: string): string {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) return s;
  const ESC: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
  const parts: Buffer[] = [];
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      if (cp > 0xffff) i++;
      parts.push(Buffer.from(String.fromCodePoint(cp), 'utf8'));
      continue;
    }
    const oct = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (oct) {
      parts.push(Buffer.from([parseInt(oct[0], 8)]));
      i += 3;
    } else {
      const n = body[++i] ?? '';
      parts.push(ESC[n] !== undefined ? Buffer.from([ESC[n]]) : Buffer.from(n, 'utf8'));
    }
  }
  return Buffer.concat(parts).toString('utf8');
}

/** The new path from a `+++ ` line: null for `/dev/null` (a deletion). */
function newPath(rest: string): string | null {
  // Git ends a path containing a space with a TAB (GNU diff convention), quoted or not; a TAB in a name is quoted as \t.
  const bare = rest.endsWith('\t') ? rest.slice(0, -1) : rest;
  const p = bare.startsWith('"') ? unquote(bare) : bare;
  if (p === '/dev/null') return null;
  return p.startsWith('b/') ? p.slice(2) : p;
}

/** `@@ -a,b +c,d @@` or, for a merge, `@@@ -a,b -c,d +e,f @@@`: the number of parents and the first new line. */
function hunkHeader(line: string): { parents: number; start: number } | null {
  const m = /^(@{2,}) ((?:-\d+(?:,\d+)? )+)\+(\d+)(?:,\d+)? \1/.exec(line);
  if (!m) return null;
  return { parents: m[1]!.length - 1, start: Number(m[3]) };
}

/** Streaming parser of `git log -p` output; calls `scan` with each (commit, file) piece of added lines. */
class PatchParser {
  commits = 0;
  private commit: Commit | null = null;
  private path: string | null = null;
  private inFile = false;
  private binary = false;
  private inHunk = false;
  private parents = 1;
  private next = 0;
  private lines: string[] = [];
  private lineNos: number[] = [];
  private chars = 0;

  constructor(private readonly scan: (commit: Commit, path: string, lines: string[], lineNos: number[]) => void) {}

  line(line: string): void {
    if (line.startsWith(MARK)) {
      this.flush();
      this.inFile = false;
      const [sha = '', short = '', authorDate = '', ...author] = line.slice(MARK.length).split('\u001f');
      this.commit = { sha, short, authorDate, author: author.join('\u001f') };
      this.commits++;
      return;
    }
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      this.flush();
      this.inFile = true;
      this.path = null;
      this.binary = false;
      this.inHunk = false;
      return;
    }
    if (!this.inFile) return;
    if (line.startsWith('@@')) {
      const h = hunkHeader(line);
      if (h) {
        this.inHunk = true;
        this.parents = h.parents;
        this.next = h.start;
      }
      return;
    }
    if (!this.inHunk) {
      if (line.startsWith('+++ ')) this.path = newPath(line.slice(4));
      else if (line.startsWith('Binary files ') || line === 'GIT binary patch') this.binary = true;
      return;
    }
    // Hunk content: one prefix column per parent. '-' anywhere: not in the new file. All '+': new to every parent.
    const prefix = line.slice(0, this.parents);
    if (prefix.length < this.parents || /[^ +-]/.test(prefix)) return; // "\ No newline at end of file", blank separator
    if (prefix.includes('-')) return;
    const lineNo = this.next++;
    if (prefix.includes(' ') || this.path === null || this.binary) return;
    const text = line.endsWith('\r') ? line.slice(this.parents, -1) : line.slice(this.parents);
    this.lines.push(text);
    this.lineNos.push(lineNo);
    this.chars += text.length + 1;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }

  /** Scans the added lines collected for the current file, if any. */
  flush(): void {
    if (this.commit && this.path !== null && this.lines.length > 0) this.scan(this.commit, this.path, this.lines, this.lineNos);
    this.lines = [];
    this.lineNos = [];
    this.chars = 0;
  }
}

function issue(repoDir: string, code: string, message: string): TargetIssue {
  return { message, location: fileLocation(repoDir === '' ? '.' : repoDir), code };
}

/** The line of git's stderr that says what went wrong. */
function gitReason(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.find((l) => l.startsWith('fatal:')) ?? lines.find((l) => l.startsWith('error:')) ?? lines[0] ?? 'no message';
}

/**
 * Scans every commit's added lines in `repoDir`'s history (all branches) for secrets. Streams `git log`: memory is
 * bounded by the findings, not by the size of the history. Never throws for a repository problem: it is reported in
 * `errors` (a partial scan keeps the findings read before the failure).
 */
export async function scanGitHistory(repoDir: string, rules: readonly SecretRule[], opts: GitHistoryOptions = {}): Promise<GitHistoryResult> {
  const errors: TargetIssue[] = [];
  if (opts.since !== undefined && (opts.since === '' || opts.since.startsWith('-') || /[\s\0]/.test(opts.since))) {
    return { findings: [], errors: [issue(repoDir, 'invalid-option', `Invalid git revision or range "${opts.since}".`)], commits: 0 };
  }
  if (opts.maxCommits !== undefined && (!Number.isInteger(opts.maxCommits) || opts.maxCommits < 1)) {
    return { findings: [], errors: [issue(repoDir, 'invalid-option', `maxCommits must be a positive integer, got ${opts.maxCommits}.`)], commits: 0 };
  }
  try {
    if (!statSync(repoDir).isDirectory()) {
      return { findings: [], errors: [issue(repoDir, 'not-a-git-repo', `${repoDir} is not a directory, so not a git repository.`)], commits: 0 };
    }
  } catch (e) {
    return { findings: [], errors: [issue(repoDir, 'unreadable', `Cannot read ${repoDir}: ${(e as Error).message}`)], commits: 0 };
  }

  // Keyed by fingerprint (rule + path + secret hash). `git log` prints children before parents, so a later
  // occurrence is an older one and replaces the kept one; within one commit the first (lowest line) stays.
  const found = new Map<string, Finding>();
  const parser = new PatchParser((commit, path, lines, lineNos) => {
    for (const hit of scanText(lines.join('\n'), rules)) {
      const startLine = lineNos[hit.startLine - 1] ?? lineNos[0]!;
      const endLine = lineNos[hit.endLine - 1] ?? lineNos[lineNos.length - 1]!;
      const f = textSecretFinding(hit, { path, startLine, startColumn: hit.startColumn, endLine, endColumn: hit.endColumn });
      f.message = `${hit.rule.meta.title} found: "${hit.redacted}", added in commit ${commit.short} (${commit.authorDate.slice(0, 10)}).`;
      f.provenance = { commit: commit.sha, authorDate: commit.authorDate, author: commit.author };
      const kept = found.get(f.fingerprint);
      if (!kept || kept.provenance?.commit !== commit.sha) found.set(f.fingerprint, f);
    }
  });

  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: '' };
  for (const k of REPO_ENV) delete env[k];
  const git = opts.git ?? 'git';
  const child = spawn(git, gitArgs(opts), { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    if (stderr.length < 64 * 1024) stderr += s;
  });

  let parseError: Error | undefined;
  try {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let from = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
        parser.line(text.slice(from, nl));
        from = nl + 1;
      }
      rest = text.slice(from);
    }
    rest += decoder.end();
    if (rest !== '') parser.line(rest);
    parser.flush();
  } catch (e) {
    parseError = e as Error;
    child.kill();
  }
  const end = await exited;

  const partial = parser.commits > 0 ? ` (stopped after ${parser.commits} commits; findings so far are kept)` : '';
  if (end.error) {
    const missing = (end.error as NodeJS.ErrnoException).code === 'ENOENT';
    errors.push(
      missing
        ? issue(repoDir, 'git-missing', `git is not installed or not on PATH ("${git}" not found): cannot scan the history of ${repoDir}.`)
        : issue(repoDir, 'git-error', `Cannot run git in ${repoDir}: ${end.error.message}`),
    );
  } else if (parseError) {
    errors.push(issue(repoDir, 'git-error', `Reading the git history of ${repoDir} failed: ${parseError.message}${partial}.`));
  } else if (end.code !== 0) {
    const reason = gitReason(stderr);
    if (/not a git repository/i.test(reason)) {
      errors.push(issue(repoDir, 'not-a-git-repo', `${repoDir} is not a git repository (${reason}).`));
    } else {
      const how = end.signal ? `killed by ${end.signal}` : `exit code ${end.code}`;
      errors.push(issue(repoDir, 'git-error', `git log failed in ${repoDir} (${how}): ${reason}${partial}.`));
    }
  }

  const findings = [...found.values()].sort(
    (a, b) =>
      (a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : 0) ||
      a.location.startLine - b.location.startLine ||
      a.location.startColumn - b.location.startColumn ||
      (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0),
  );
  return { findings, errors, commits: parser.commits };
}
