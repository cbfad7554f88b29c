import { spawn } from 'node:child_process';

export interface ToolRun {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** Why the run failed when it did not exit by itself with status 0: timeout, output too large, spawn error, exit status. */
  reason?: string;
}

export interface ToolLimits {
  timeoutMs: number;
  /** Rendered output above this is refused: a chart that renders gigabytes is an attack or a bug, not something to buffer. */
  maxBytes: number;
}

export const DEFAULT_TOOL_LIMITS: ToolLimits = { timeoutMs: 60_000, maxBytes: 64 * 1024 * 1024 };

/** Runs a renderer with no stdin, a deadline and a cap on its output; never throws. */
export function runTool(bin: string, args: readonly string[], opts: { cwd: string; env: Record<string, string | undefined>; limits: ToolLimits }): Promise<ToolRun> {
  return new Promise((done) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let failure: string | undefined;
    let settled = false;
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
    const child = spawn(bin, [...args], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = (why: string): void => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`timed out after ${Math.round(opts.limits.timeoutMs / 1000)}s`), opts.limits.timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > opts.limits.maxBytes) stop(`output larger than ${opts.limits.maxBytes} bytes`);
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      // stderr is only shown trimmed; keep the first 64 KiB.
      if (errBytes < 65_536) err.push(b);
      errBytes += b.length;
    });
    const finish = (r: ToolRun): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(r);
    };
    child.on('error', (e) => finish({ ok: false, stdout: '', stderr: '', reason: `cannot run ${bin}: ${e.message}` }));
    child.on('close', (code, signal) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (failure) return finish({ ok: false, stdout, stderr, reason: failure });
      if (code !== 0) return finish({ ok: false, stdout, stderr, reason: signal ? `killed by ${signal}` : `exit status ${code}` });
      finish({ ok: true, stdout, stderr });
    });
  });
}

/** The renderer's complaint, shortened for a report: its `Error:` lines if any, else the last lines, at most 600 characters. */
export function trimStderr(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const errors = lines.filter((l) => /^error:/i.test(l));
  const picked = (errors.length > 0 ? errors : lines.slice(-3)).join(' ').replace(/^Error:\s*/i, '');
  return picked.length > 600 ? `${picked.slice(0, 597)}...` : picked;
}
