import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import { fileLocation } from '../core/location.js';
import type { ConfigIssue } from '../policy/located.js';
import { REPO_ENV } from './git-history.js';

/** What the current findings are compared against, and how many were already there. */
export interface DiffBase {
  kind: 'git' | 'report';
  /** The ref as given (`main`, `HEAD~3`) or the report path. */
  ref: string;
  /** Resolved commit for a git ref. */
  commit?: string;
  fingerprints: Set<string>;
}


function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: '' };
  for (const k of REPO_ENV) delete env[k];
  return env;
}

function git(args: string[], cwd: string, input?: 'buffer'): string | Buffer {
  const out = execFileSync('git', args, { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 2 * 1024 * 1024 * 1024 });
  return input === 'buffer' ? out : out.toString('utf8').trim();
}

function failure(flag: string, message: string): { ok: false; issues: ConfigIssue[] } {
  return { ok: false, issues: [{ message, location: fileLocation(flag) }] };
}

function stderrOf(e: unknown): string {
  const err = e as { stderr?: Buffer | string; message?: string };
  const s = err.stderr ? err.stderr.toString().trim() : '';
  return s.split('\n')[0] || err.message || String(e);
}

/**
 * `--baseline report.json`: the fingerprints of every finding (suppressed ones too) in an earlier Palisade JSON report.
 * A fingerprint is the check, the resource identity and the data path — not the line — so moved code stays "old".
 */
export function readBaselineReport(cwd: string, path: string): { ok: true; value: DiffBase } | { ok: false; issues: ConfigIssue[] } {
  const abs = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    return failure(path, `--baseline: cannot read ${path}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return failure(path, `--baseline: ${path} is not JSON (${(e as Error).message}); write one with \`palisade scan -f json=${path}\``);
  }
  const findings = (value as { findings?: unknown }).findings;
  if (typeof value !== 'object' || value === null || !Array.isArray(findings) || typeof (value as { schemaVersion?: unknown }).schemaVersion !== 'string') {
    return failure(path, `--baseline: ${path} is not a Palisade JSON report (no schemaVersion and findings); write one with \`palisade scan -f json=${path}\``);
  }
  const fingerprints = new Set<string>();
  for (const f of findings) {
    const fp = (f as { fingerprint?: unknown }).fingerprint;
    if (typeof fp === 'string') fingerprints.add(fp);
  }
  return { ok: true, value: { kind: 'report', ref: path, fingerprints } };
}

/** The repository root and the commit `ref` names, or an error a user can act on. */
export function resolveGitRef(cwd: string, ref: string): { ok: true; root: string; commit: string } | { ok: false; issues: ConfigIssue[] } {
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd) as string;
  } catch (e) {
    return failure('--since', `--since needs a git repository: ${stderrOf(e)}`);
  }
  try {
    const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root) as string;
    return { ok: true, root, commit };
  } catch {
    return failure('--since', `--since: "${ref}" is not a commit in ${root}; try a branch, a tag or a SHA (e.g. --since origin/main)`);
  }
}

/**
 * Writes the tree of `commit` into a new temporary directory (`git archive`, so the index and the working tree of the
 * repository are never touched) and returns where the scan's cwd and inputs are inside it.
 */
export function checkoutTree(root: string, commit: string, cwd: string, inputs: readonly string[]): { dir: string; cwd: string; inputs: string[]; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'palisade-since-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const tar = git(['archive', '--format=tar', commit], root, 'buffer') as Buffer;
    execFileSync('tar', ['-x', '-f', '-', '-C', dir], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (e) {
    cleanup();
    throw new Error(`cannot read the tree of ${commit.slice(0, 12)}: ${stderrOf(e)}`, { cause: e });
  }
  const relCwd = relative(root, cwd);
  const baseCwd = join(dir, relCwd);
  // Inputs outside the repository (absolute paths elsewhere) are the same files at both points: keep them as they are.
  const mapped = inputs.map((i) => {
    if (i === '-') return i;
    const abs = resolve(cwd, i);
    const rel = relative(root, abs);
    return rel.startsWith('..') || isAbsolute(rel) ? abs : join(dir, rel);
  });
  return { dir, cwd: baseCwd, inputs: mapped, cleanup };
}

/** Drops the findings the base already had; returns the kept findings and how many were dropped. */
export function newSince(findings: readonly Finding[], base: DiffBase): { findings: Finding[]; unchanged: number } {
  const kept = findings.filter((f) => !base.fingerprints.has(f.fingerprint));
  return { findings: kept, unchanged: findings.length - kept.length };
}
