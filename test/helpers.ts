import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';

export const REPO = join(import.meta.dirname, '..');
export const SHARED = join(REPO, '..', 'shared');

/** A throwaway directory tree: { 'a/b.yaml': '...' }. */
export function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'palisade-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output; `now` is fixed so waiver expiry is deterministic. */
export async function cli(args: string[], opts: { cwd: string; env?: Record<string, string>; tty?: boolean; now?: string }): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false, columns: 120 },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: opts.env ?? {},
    cwd: opts.cwd,
    now: () => new Date(opts.now ?? '2026-11-22T12:00:00Z'),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs the built binary for real (npm test builds first). */
export function bin(args: string[], opts: { cwd: string; input?: string; env?: Record<string, string> }): RunResult {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'palisade.js'), ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...(opts.env ?? {}) },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: priv
  namespace: apps
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

export const CLEAN_POD = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: apps
data:
  LOG_LEVEL: info
`;
