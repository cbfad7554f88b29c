#!/usr/bin/env node
// Palisade benchmark harness: throughput, memory and peer comparison on the shared Kubernetes corpus.
//
//   bash bench/peers/install.sh && npm run bench            # full run (build, Palisade, parse-only, peers, accuracy)
//   node bench/run.mjs [corpus] [--runs N] [--no-peers] [--only palisade,checkov,...,secrets,iac,vuln] [--no-accuracy]
//
// Writes bench/.out/results.json (machine-readable), the raw reports of every tool in bench/.out/<tool>.json,
// and (via bench/accuracy.mjs) bench/.out/accuracy.json and bench/.out/disagreements.json.
// Peers are measuring sticks only: a missing peer is reported and skipped, never an error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { bestOf, defaultCorpus, findPeer, listManifestFiles, outDir, peersDir, readJson, repoRoot, rssMethod } from './lib.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const positional = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--runs', '--only'].includes(argv[i - 1])));
const corpus = resolve(positional[0] ?? defaultCorpus);
const RUNS = Number(opt('--runs', '3'));
const ONLY = opt('--only', null)?.split(',');
const want = (tool) => (ONLY ? ONLY.includes(tool) : !(flag('--no-peers') && !['palisade', 'parse-only', 'cold'].includes(tool)));
/** A peer slower than this is run once only. */
const SLOW_MS = 60_000;

if (!existsSync(corpus)) {
  console.error(`corpus not found: ${corpus}`);
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

// ---- corpus facts -------------------------------------------------------------------------------------------
const files = listManifestFiles(corpus);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const MB = bytes / 1e6;
/** Kubernetes object count from the corpus manifest.json (when benchmarking the shared corpus). */
const manifestDocs = (() => {
  const m = join(corpus, '..', 'manifest.json');
  if (!existsSync(m) || basename(corpus) !== 'k8s') return null;
  try {
    return readJson(m).counts?.k8s?.k8s_documents ?? null;
  } catch {
    return null;
  }
})();
/** The smallest corpus file holding a Deployment: the "one small file, cold" case. */
const smallFile = (() => {
  const bySize = files.map((f) => ({ f, s: statSync(f).size })).sort((a, b) => a.s - b.s);
  const dep = bySize.find(({ f }) => {
    const t = readFileSync(f, 'utf8');
    return /^kind:\s*Deployment\s*$/m.test(t) && /^\s*containers:/m.test(t) && !/\$patch/.test(t);
  });
  return (dep ?? bySize[0])?.f;
})();

const version = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
};
const readVersionFile = (name) => {
  const p = join(peersDir, `${name}.version`);
  return existsSync(p) ? readFileSync(p, 'utf8').trim() : null;
};

const machine = {
  nproc: Number(version('nproc', [])) || cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  /** 1/5/15-minute load averages before the run: other work on the machine inflates wall times. */
  loadavgAtStart: loadavg().map((l) => +l.toFixed(2)),
  node: process.version,
  rssMethod,
};
console.error(`corpus: ${corpus} — ${files.length} files, ${MB.toFixed(2)} MB${manifestDocs ? `, ${manifestDocs} k8s documents (manifest.json)` : ''}`);
console.error(`machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memGiB} GiB, node ${machine.node}; peak RSS via ${rssMethod}`);

if (machine.loadavgAtStart[0] > machine.nproc * 0.5)
  console.error(`warning: load average ${machine.loadavgAtStart[0]} on ${machine.nproc} cores — other work is running; wall times will be inflated (cpu s is less affected)`);
const results = {
  date: new Date().toISOString(),
  corpus: { path: corpus, files: files.length, bytes, k8sDocumentsManifest: manifestDocs, smallFile },
  machine,
  runs: RUNS,
  tools: {},
};
const rate = (n, s) => (n && s ? n / s : null);

// ---- (a) Palisade full scan ---------------------------------------------------------------------------------
const palisadeBin = join(repoRoot, 'bin', 'palisade.js');
const palisadeOk = [0, 1, 3]; // 3 = some files could not be parsed: expected on a real-world corpus
if (want('palisade')) {
  if (!existsSync(palisadeBin)) {
    console.error('palisade: bin/palisade.js not found (CLI not built yet) — skipped');
    results.tools.palisade = { available: false, reason: 'bin/palisade.js not found' };
  } else {
    const report = join(outDir, 'palisade.json');
    console.error('palisade: full scan');
    const m = await bestOf(RUNS, process.execPath, [palisadeBin, 'scan', corpus, '--format', `json=${report}`, '--fail-on', 'none'], {}, { okCodes: palisadeOk, label: 'palisade' });
    let summary = {};
    let findings = null;
    try {
      const r = readJson(report);
      summary = r.summary ?? {};
      findings = Array.isArray(r.findings) ? r.findings.length : null;
    } catch (e) {
      console.error(`palisade: could not read ${report}: ${e.message}`);
    }
    const docs = summary.resources ?? manifestDocs;
    results.tools.palisade = {
      available: true,
      version: version(process.execPath, [palisadeBin, '--version']).split('\n')[0] || readJson(join(repoRoot, 'package.json')).version,
      command: `node bin/palisade.js scan ${corpus} --format json=${report} --fail-on none`,
      ...m,
      resources: summary.resources ?? null,
      targets: summary.targets ?? null,
      findings,
      filesPerS: rate(summary.targets ?? files.length, m.bestS),
      docsPerS: rate(docs, m.bestS),
      MBPerS: rate(MB, m.bestS),
      report,
    };
  }
}

// ---- (b) parse-only floor -----------------------------------------------------------------------------------
if (want('parse-only')) {
  const dist = process.env.PALISADE_DIST ?? join(repoRoot, 'dist');
  if (!existsSync(join(dist, 'parsers', 'k8s-yaml', 'index.js'))) {
    console.error('parse-only: dist/parsers/k8s-yaml/index.js not found (run npm run build) — skipped');
    results.tools['parse-only'] = { available: false, reason: 'dist not built' };
  } else {
    console.error('parse-only: parser + object extraction, no checks');
    const out = join(outDir, 'parse-only.json');
    const script = join(repoRoot, 'bench', 'parse-only.mjs');
    const m = await bestOf(RUNS, process.execPath, [script, corpus], { stdoutFile: out }, { label: 'parse-only' });
    let counts = {};
    try {
      counts = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      /* reported through m.ok */
    }
    results.tools['parse-only'] = {
      available: true,
      command: `node bench/parse-only.mjs ${corpus}`,
      ...m,
      ...counts,
      filesPerS: rate(files.length, m.bestS),
      docsPerS: rate(counts.objects ?? manifestDocs, m.bestS),
      MBPerS: rate(MB, m.bestS),
    };
  }
  const p = results.tools.palisade;
  const f = results.tools['parse-only'];
  if (p?.available && f?.available) results.checksOverParseOnly = p.bestS / f.bestS;
}

// ---- (c) one small file, cold -------------------------------------------------------------------------------
if (want('cold') && existsSync(palisadeBin) && smallFile) {
  console.error(`cold: one small file (${smallFile})`);
  const m = await bestOf(5, process.execPath, [palisadeBin, 'scan', smallFile, '--format', 'json=/dev/null'], {}, { okCodes: palisadeOk, label: 'cold' });
  results.tools['palisade-cold'] = { available: true, command: `node bin/palisade.js scan ${smallFile} --format json=/dev/null`, file: smallFile, ...m, bestOf: 5 };
}

// ---- (d) peers ----------------------------------------------------------------------------------------------
/** Each peer: how to find it, its version, and the exact command. Exit codes listed in okCodes are not failures. */
const peers = [
  {
    tool: 'kube-linter',
    bin: () => findPeer('kube-linter'),
    version: (b) => readVersionFile('kube-linter') ?? version(b, ['version']),
    args: () => ['lint', corpus, '--format', 'json'],
    okCodes: [0, 1], // 1 = lint errors found
  },
  {
    tool: 'trivy',
    bin: () => findPeer('trivy'),
    version: (b) => version(b, ['--version']).split('\n')[0].replace(/^Version:\s*/, '') || readVersionFile('trivy'),
    // Offline: the checks bundle embedded in the binary (--skip-check-update), no vulnerability DB needed for
    // `config`, a cache inside bench/.peers so nothing is written to $HOME.
    args: () => ['config', '--format', 'json', '--skip-check-update', '--cache-dir', join(peersDir, 'trivy-cache'), '--quiet', corpus],
    env: { TRIVY_DISABLE_VEX_NOTICE: 'true', TRIVY_NO_PROGRESS: 'true' },
    okCodes: [0],
  },
  {
    tool: 'checkov',
    bin: () => findPeer('checkov', [join(peersDir, 'venv', 'bin', 'checkov')]),
    version: (b) => version(b, ['--version']).split('\n').pop(),
    // --skip-download: no calls to the vendor's API (offline); --quiet: failed checks only.
    args: () => ['-d', corpus, '--framework', 'kubernetes', '-o', 'json', '--quiet', '--skip-download'],
    env: { BC_SKIP_MAPPING: 'TRUE', CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false' },
    okCodes: [0, 1], // 1 = failed checks found
  },
];
for (const p of peers) {
  if (!want(p.tool)) continue;
  const bin = p.bin();
  if (!bin) {
    const log = join(peersDir, 'logs', `${p.tool}.log`);
    const why = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-2).join(' | ') : 'not installed (run bash bench/peers/install.sh)';
    console.error(`${p.tool}: not available — ${why}`);
    results.tools[p.tool] = { available: false, reason: why };
    continue;
  }
  const args = p.args();
  const out = join(outDir, `${p.tool}.json`);
  console.error(`${p.tool}: ${bin} ${args.join(' ')}`);
  const m = await bestOf(RUNS, bin, args, { stdoutFile: out, env: { ...process.env, ...(p.env ?? {}) } }, { okCodes: p.okCodes, slowMs: SLOW_MS, label: p.tool });
  results.tools[p.tool] = {
    available: true,
    version: p.version(bin),
    command: `${p.env ? Object.entries(p.env).map(([k, v]) => `${k}=${v} `).join('') : ''}${bin.replace(repoRoot + '/', '')} ${args.join(' ')}`,
    ...m,
    filesPerS: rate(files.length, m.bestS),
    docsPerS: rate(manifestDocs, m.bestS), // the same documents Palisade counts (manifest.json)
    MBPerS: rate(MB, m.bestS),
    report: out,
  };
}

// ---- table --------------------------------------------------------------------------------------------------
const fmt = (v, d = 2) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '—');
const rows = [['tool', 'version', 'wall s (best)', 'wall s (median)', 'cpu s', 'runs', 'peak RSS MB', 'files/s', 'docs/s', 'MB/s', 'exit']];
for (const [tool, r] of Object.entries(results.tools)) {
  if (!r.available) {
    rows.push([tool, 'n/a', 'not available', '', '', '', '', '', '', '', '']);
    continue;
  }
  rows.push([
    tool,
    String(r.version ?? '').slice(0, 24),
    fmt(r.bestS),
    fmt(r.medianS),
    fmt(r.cpuS),
    String(r.runs),
    fmt(r.peakRssMb, 0),
    tool === 'palisade-cold' ? '—' : fmt(r.filesPerS, 0),
    fmt(r.docsPerS, 0),
    tool === 'palisade-cold' ? '—' : fmt(r.MBPerS, 2),
    [...new Set(r.exitCodes)].join(','),
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log(`\nCorpus ${corpus}: ${files.length} files, ${MB.toFixed(2)} MB${manifestDocs ? `, ${manifestDocs} k8s documents` : ''}; ${machine.nproc} cores`);
console.log(line(rows[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(1)) console.log(line(r));
if (results.checksOverParseOnly) console.log(`\nchecks / parse-only wall ratio: ${results.checksOverParseOnly.toFixed(2)}x`);
for (const [tool, r] of Object.entries(results.tools)) if (r.available && !r.ok) console.log(`\n${tool} failed (exit ${r.exitCodes.join(',')}):\n${r.stderrTail ?? ''}`);

results.machine.loadavgAtEnd = loadavg().map((l) => +l.toFixed(2));
// With --only, keep the other tools' figures from the previous run (marked with their own date).
const resultsPath = join(outDir, 'results.json');
if (ONLY && existsSync(resultsPath)) {
  try {
    const prev = readJson(resultsPath);
    if (prev.corpus?.path === corpus)
      for (const [tool, r] of Object.entries(prev.tools ?? {})) if (!(tool in results.tools)) results.tools[tool] = { ...r, measuredAt: r.measuredAt ?? prev.date };
    if (!results.checksOverParseOnly && prev.checksOverParseOnly) results.checksOverParseOnly = prev.checksOverParseOnly;
  } catch {
    /* start afresh */
  }
}
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
console.log(`\nresults: ${join(outDir, 'results.json')}`);

// ---- accuracy -----------------------------------------------------------------------------------------------
if (!flag('--no-accuracy') && results.tools.palisade?.available) {
  const { runAccuracy } = await import('./accuracy.mjs');
  await runAccuracy({ corpus, outDir });
}

// ---- secret scanning vs gitleaks: planted tree + whole corpus (bench/secrets.mjs) ---------------------------------
if (!ONLY || ONLY.includes('secrets')) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bench', 'secrets.mjs'), '--runs', String(RUNS), ...(flag('--no-peers') ? ['--no-peers'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) console.error(`secrets benchmark failed (exit ${r.status})`);
}

// ---- Dockerfile, compose, Terraform vs Trivy, Checkov, hadolint (bench/iac.mjs) ------------------------------------
if (!ONLY || ONLY.includes('iac')) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bench', 'iac.mjs'), '--runs', String(RUNS), ...(flag('--no-peers') ? ['--no-peers'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) console.error(`IaC benchmark failed (exit ${r.status})`);
}

// ---- vulnerability scanning vs osv-scanner: lockfile corpus, boundary lockfiles, dpkg, image (bench/vuln.mjs) -------
if (!ONLY || ONLY.includes('vuln')) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bench', 'vuln.mjs'), '--runs', String(RUNS), ...(flag('--no-peers') ? ['--no-peers'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) console.error(`vulnerability benchmark failed (exit ${r.status})`);
}
