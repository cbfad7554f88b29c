// Shared helpers for the benchmark scripts (plain Node ESM, no dependencies).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, openSync, closeSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultCorpus = join(repoRoot, '..', 'shared', 'corpus', 'k8s');
export const outDir = join(repoRoot, 'bench', '.out');
export const peersDir = join(repoRoot, 'bench', '.peers');

/** Every .yaml/.yml/.json file under dir (or dir itself when it is a file), sorted. */
export function listManifestFiles(dir) {
  const st = statSync(dir);
  if (st.isFile()) return [dir];
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(ya?ml|json)$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** GNU time with -v (reports peak RSS) if installed. */
const gnuTime = (() => {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr) ? '/usr/bin/time' : null;
})();
export const rssMethod = gnuTime ? '/usr/bin/time -v (max RSS of the process tree\'s largest process)' : '/proc/<pid>/status VmHWM polling';

/**
 * Runs a command once; returns { code, wallMs, peakRssKb, stderr }.
 * stdout goes to `stdoutFile` (or is discarded). Wall time is measured here around the spawn.
 */
export function measure(cmd, args, { cwd = repoRoot, env = process.env, stdoutFile = null, timeoutMs = 30 * 60_000 } = {}) {
  return new Promise((resolvePromise) => {
    const tmp = mkdtempSync(join(tmpdir(), 'palisade-bench-'));
    const timeFile = join(tmp, 'time.txt');
    const outFd = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
    const [c, a] = gnuTime ? [gnuTime, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
    let stderr = '';
    let hwm = 0;
    const t0 = process.hrtime.bigint();
    let child;
    try {
      child = spawn(c, a, { cwd, env, stdio: ['ignore', outFd, 'pipe'] });
    } catch (e) {
      if (typeof outFd === 'number') closeSync(outFd);
      rmSync(tmp, { recursive: true, force: true });
      resolvePromise({ code: -1, wallMs: 0, peakRssKb: 0, stderr: String(e) });
      return;
    }
    child.stderr.on('data', (d) => {
      if (stderr.length < 200_000) stderr += d;
    });
    let poll = null;
    if (!gnuTime) {
      const sample = () => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) hwm = Math.max(hwm, Number(m[1]));
        } catch {
          /* exited */
        }
      };
      poll = setInterval(sample, 10);
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      stderr += String(e);
    });
    child.on('close', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      if (typeof outFd === 'number') closeSync(outFd);
      let peakRssKb = hwm;
      let cpuS = null;
      let exit = code ?? (signal ? 128 : -1);
      if (gnuTime && existsSync(timeFile)) {
        const t = readFileSync(timeFile, 'utf8');
        const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(t);
        if (m) peakRssKb = Number(m[1]);
        const x = /Exit status:\s*(\d+)/.exec(t);
        if (x) exit = Number(x[1]);
        const u = /User time \(seconds\):\s*([\d.]+)/.exec(t);
        const sy = /System time \(seconds\):\s*([\d.]+)/.exec(t);
        if (u && sy) cpuS = Number(u[1]) + Number(sy[1]);
      }
      rmSync(tmp, { recursive: true, force: true });
      resolvePromise({ code: exit, wallMs, peakRssKb, cpuS, stderr });
    });
  });
}

/** Runs `runs` times (stopping after the first when it took longer than `slowMs`); best, median and max RSS. */
export async function bestOf(runs, cmd, args, opts = {}, { slowMs = Infinity, okCodes = [0], label = cmd } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(cmd, args, opts);
    samples.push(r);
    process.stderr.write(`  ${label} run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(2)} s${r.cpuS !== null ? ` (cpu ${r.cpuS.toFixed(2)} s)` : ''}, ${(r.peakRssKb / 1024).toFixed(0)} MB, exit ${r.code}\n`);
    if (!okCodes.includes(r.code)) break;
    if (r.wallMs > slowMs) break;
  }
  const walls = samples.map((s) => s.wallMs).sort((a, b) => a - b);
  const last = samples[samples.length - 1];
  return {
    runs: samples.length,
    ok: samples.every((s) => okCodes.includes(s.code)),
    exitCodes: samples.map((s) => s.code),
    bestS: walls[0] / 1000,
    medianS: walls[Math.floor((walls.length - 1) / 2)] / 1000 + (walls.length % 2 === 0 ? (walls[walls.length / 2] - walls[walls.length / 2 - 1]) / 2000 : 0),
    /** user+sys CPU seconds of the fastest run (less sensitive than wall time to other load on the machine). */
    cpuS: samples.find((s) => s.wallMs === walls[0])?.cpuS ?? null,
    peakRssMb: Math.max(...samples.map((s) => s.peakRssKb)) / 1024,
    stderrTail: okCodes.includes(last.code) ? undefined : last.stderr.slice(-2000),
  };
}

export function firstExisting(...paths) {
  return paths.find((p) => p && existsSync(p)) ?? null;
}

/** Finds a peer executable: bench/.peers first, then PATH. */
export function findPeer(name, extra = []) {
  const local = firstExisting(...extra, join(peersDir, 'bin', name));
  if (local) return local;
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export function readJson(p) {
  return JSON.parse(readFileSync(p, 'utf8'));
}
