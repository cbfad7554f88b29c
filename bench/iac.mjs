#!/usr/bin/env node
// Infrastructure-as-code benchmark: Dockerfiles, compose files and Terraform from ../shared/corpus, Palisade side by side
// with Trivy (`trivy config`), Checkov and hadolint, in one run; then a per-concept verdict comparison.
//
//   bash bench/peers/install.sh && npm run build && node bench/iac.mjs [--runs N] [--only dockerfile,compose,terraform] [--no-peers]
//
// Speed: best of --runs (default 3; one run when a tool takes over a minute) of one whole-corpus invocation per tool.
// Accuracy: every Palisade finding carries the peer rule IDs its check maps to (meta.peers). For each such concept
// (tool + rule ID) the unit compared is the object: the Dockerfile (a file), the Terraform resource address in a file.
// A unit is "both", "palisade only" or "peer only"; counts per concept, samples of each difference in
// bench/.out/iac/disagreements.json. Compose: no peer reads compose files (Trivy and Checkov do not), so it is timed alone.
// Writes bench/.out/iac/results.json, the raw reports bench/.out/iac/<corpus>-<tool>.json, and a summary on stderr.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bestOf, findPeer, outDir as benchOut, peersDir, readJson, repoRoot, rssMethod } from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', '3'));
const ONLY = opt('--only', 'dockerfile,compose,terraform').split(',');
const NO_PEERS = argv.includes('--no-peers');
const SLOW_MS = 60_000;
const corpusRoot = resolve(repoRoot, '..', 'shared', 'corpus');
const outDir = join(benchOut, 'iac');
mkdirSync(outDir, { recursive: true });

const version = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
};
const readVersionFile = (tool) => {
  const p = join(peersDir, `${tool}.version`);
  return existsSync(p) ? readFileSync(p, 'utf8').trim() : null;
};

/** Trivy prints `DS-0002`, older docs `AVD-DS-0002` or `DS002`: one key per rule. */
const trivyKey = (id) => {
  const m = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(String(id).trim());
  return m ? `${m[1].toUpperCase()}-${m[2].padStart(4, '0')}` : String(id);
};
const norm = (tool, id) => (tool === 'trivy' ? trivyKey(id) : String(id));

// ---- tools --------------------------------------------------------------------------------------------------------
const palisade = {
  tool: 'palisade',
  bin: () => process.execPath,
  version: () => version(process.execPath, [join(repoRoot, 'bin', 'palisade.js'), 'version']),
  args: (dir) => [join(repoRoot, 'bin', 'palisade.js'), 'scan', dir, '--scanners', 'config', '--no-config', '--fail-on', 'none', '-f', 'json'],
  okCodes: [0, 3],
};
const trivy = {
  tool: 'trivy',
  bin: () => findPeer('trivy'),
  version: (b) => version(b, ['--version']).split('\n')[0].replace(/^Version:\s*/, '') || readVersionFile('trivy'),
  args: (dir) => ['config', '--format', 'json', '--skip-check-update', '--cache-dir', join(peersDir, 'trivy-cache'), '--quiet', dir],
  env: { TRIVY_DISABLE_VEX_NOTICE: 'true', TRIVY_NO_PROGRESS: 'true' },
  okCodes: [0],
};
const checkov = (framework) => ({
  tool: 'checkov',
  bin: () => findPeer('checkov', [join(peersDir, 'venv', 'bin', 'checkov')]),
  version: (b) => version(b, ['--version']).split('\n').pop(),
  args: (dir) => ['-d', dir, '--framework', framework, '-o', 'json', '--quiet', '--skip-download'],
  env: { BC_SKIP_MAPPING: 'TRUE', CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false' },
  okCodes: [0, 1],
});
const hadolint = {
  tool: 'hadolint',
  bin: () => findPeer('hadolint', [join(peersDir, 'hadolint-venv', 'bin', 'hadolint')]),
  version: (b) => version(b, ['--version']).split('\n')[0],
  // hadolint takes the files on the command line; --no-fail keeps exit 0 with findings.
  args: (_dir, files) => ['-f', 'json', '--no-fail', ...files],
  okCodes: [0],
};

const CORPORA = {
  dockerfile: { dir: join(corpusRoot, 'dockerfile'), files: (d) => listFiles(d, (n) => /(^|[.-])(Dockerfile|Containerfile)$|\.dockerfile$/i.test(n)), peers: [hadolint, trivy, checkov('dockerfile')] },
  compose: { dir: join(corpusRoot, 'compose'), files: (d) => listFiles(d, (n) => /\.ya?ml$/i.test(n)), peers: [] },
  terraform: { dir: join(corpusRoot, 'terraform'), files: (d) => listFiles(d, (n) => /\.tf$/i.test(n)), peers: [trivy, checkov('terraform')] },
};

function listFiles(dir, pick) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSafe(d)) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && pick(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}
function readdirSafe(d) {
  try {
    return readdirSync(d, { withFileTypes: true });
  } catch {
    return [];
  }
}

// ---- verdicts: (concept, unit) sets per tool -------------------------------------------------------------------------
/** Palisade: concept = `${tool}:${peerId}` from each finding's peers; unit = file (Dockerfile) or file#address (Terraform). */
function palisadeUnits(report, dir, corpus) {
  const byConcept = new Map();
  for (const f of report.findings) {
    if (f.suppressed) continue;
    const file = f.location.path.startsWith('/') ? relative(dir, f.location.path) : relative(dir, resolve(repoRoot, f.location.path));
    const unit = corpus === 'terraform' ? `${file}#${f.derivedFrom?.name ?? f.resource.name}` : file;
    for (const p of f.peers) add(byConcept, `${p.tool}:${norm(p.tool, p.id)}`, unit, { check: f.checkId, match: p.match, line: f.location.startLine });
  }
  return byConcept;
}
function add(map, concept, unit, info) {
  let m = map.get(concept);
  if (!m) map.set(concept, (m = new Map()));
  if (!m.has(unit)) m.set(unit, info);
}
function trivyUnits(report, corpus) {
  const byConcept = new Map();
  for (const r of report.Results ?? []) {
    for (const m of r.Misconfigurations ?? []) {
      if (m.Status !== 'FAIL') continue;
      const res = m.CauseMetadata?.Resource ?? '';
      const file = m.CauseMetadata?.Occurrences?.length ? m.CauseMetadata.Occurrences[m.CauseMetadata.Occurrences.length - 1].Filename : r.Target;
      const unit = corpus === 'terraform' ? `${file ?? r.Target}#${res}` : r.Target;
      add(byConcept, `trivy:${trivyKey(m.ID ?? m.AVDID)}`, unit, { line: m.CauseMetadata?.StartLine, title: m.Title });
    }
  }
  return byConcept;
}
function checkovUnits(report, corpus) {
  const byConcept = new Map();
  for (const r of Array.isArray(report) ? report : [report]) {
    for (const c of r?.results?.failed_checks ?? []) {
      const file = String(c.file_path ?? '').replace(/^\//, '');
      const unit = corpus === 'terraform' ? `${file}#${c.resource}` : file;
      add(byConcept, `checkov:${c.check_id}`, unit, { line: c.file_line_range?.[0], title: c.check_name });
    }
  }
  return byConcept;
}
function hadolintUnits(report, dir) {
  const byConcept = new Map();
  for (const h of report) add(byConcept, `hadolint:${h.code}`, relative(dir, h.file), { line: h.line, title: h.message });
  return byConcept;
}

function compare(pal, peer, tool) {
  const concepts = [...pal.keys()].filter((k) => k.startsWith(`${tool}:`));
  const rows = [];
  const diffs = [];
  for (const c of concepts.sort()) {
    const a = pal.get(c) ?? new Map();
    const b = peer.get(c) ?? new Map();
    const both = [...a.keys()].filter((u) => b.has(u));
    const onlyPal = [...a.keys()].filter((u) => !b.has(u));
    const onlyPeer = [...b.keys()].filter((u) => !a.has(u));
    const match = [...a.values()][0]?.match ?? '';
    const checks = [...new Set([...a.values()].map((v) => v.check))].join(',');
    const total = both.length + onlyPal.length + onlyPeer.length;
    rows.push({ concept: c, checks, match, both: both.length, palisadeOnly: onlyPal.length, peerOnly: onlyPeer.length, agreement: total ? both.length / total : 1 });
    if (onlyPal.length || onlyPeer.length) diffs.push({ concept: c, checks, palisadeOnly: onlyPal.slice(0, 15).map((u) => ({ unit: u, ...a.get(u) })), peerOnly: onlyPeer.slice(0, 15).map((u) => ({ unit: u, ...b.get(u) })) });
  }
  return { rows, diffs };
}

// ---- run ----------------------------------------------------------------------------------------------------------
const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGb: +(totalmem() / 2 ** 30).toFixed(1), loadavg: loadavg() }, rssMethod, corpora: {} };
const allDiffs = {};
for (const name of ONLY) {
  const c = CORPORA[name];
  if (!c) continue;
  const files = c.files(c.dir);
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  console.error(`\n== ${name}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB (${c.dir})`);
  const entry = { files: files.length, MB: +(bytes / 1e6).toFixed(2), tools: {}, accuracy: {} };
  results.corpora[name] = entry;
  const reports = {};
  for (const t of [palisade, ...(NO_PEERS ? [] : c.peers)]) {
    const bin = t.bin();
    if (!bin) {
      console.error(`${t.tool}: not available (run bash bench/peers/install.sh)`);
      entry.tools[t.tool] = { available: false };
      continue;
    }
    const args = t.args(c.dir, files);
    const out = join(outDir, `${name}-${t.tool}.json`);
    const m = await bestOf(RUNS, bin, args, { stdoutFile: out, cwd: repoRoot, env: { ...process.env, ...(t.env ?? {}) } }, { okCodes: t.okCodes, slowMs: SLOW_MS, label: `${name}/${t.tool}` });
    const shown = args.length > 12 ? [...args.slice(0, 4), `<${files.length} files>`] : args;
    entry.tools[t.tool] = { available: true, version: t.version(bin), command: `${bin.replace(repoRoot + '/', '')} ${shown.join(' ').replaceAll(repoRoot + '/', '')}`, ...m, filesPerS: m.bestS ? +(files.length / m.bestS).toFixed(1) : null };
    try {
      reports[t.tool] = readJson(out);
    } catch (e) {
      console.error(`${t.tool}: output is not JSON (${e.message})`);
    }
  }
  if (reports.palisade) {
    const pr = reports.palisade;
    entry.palisade = {
      findings: pr.findings.length,
      errors: pr.summary.errors,
      objects: pr.summary.resources,
      byCheck: Object.fromEntries(Object.entries(pr.findings.reduce((m, f) => ((m[f.checkId] = (m[f.checkId] ?? 0) + 1), m), {})).sort()),
      errorSamples: pr.targets.flatMap((t) => t.errors.map((e) => `${e.location.path}:${e.location.startLine} ${e.code}: ${e.message}`)).slice(0, 20),
    };
    const pal = palisadeUnits(pr, c.dir, name);
    for (const [tool, rep] of Object.entries(reports)) {
      if (tool === 'palisade') continue;
      const peer = tool === 'trivy' ? trivyUnits(rep, name) : tool === 'checkov' ? checkovUnits(rep, name) : hadolintUnits(rep, c.dir);
      const cmp = compare(pal, peer, tool);
      entry.accuracy[tool] = cmp.rows;
      allDiffs[`${name}/${tool}`] = cmp.diffs;
    }
  }
}
writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2));
writeFileSync(join(outDir, 'disagreements.json'), JSON.stringify(allDiffs, null, 2));

// ---- summary ------------------------------------------------------------------------------------------------------
const f2 = (v) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(2) : '—');
for (const [name, e] of Object.entries(results.corpora)) {
  console.error(`\n${name} (${e.files} files, ${e.MB} MB)`);
  console.error('  tool        version                          wall s  cpu s   RSS MB  files/s  exit');
  for (const [tool, r] of Object.entries(e.tools)) {
    if (!r.available) console.error(`  ${tool.padEnd(10)}  not available`);
    else console.error(`  ${tool.padEnd(10)}  ${String(r.version).slice(0, 32).padEnd(32)} ${f2(r.bestS).padStart(6)}  ${f2(r.cpuS).padStart(6)}  ${r.peakRssMb.toFixed(0).padStart(6)}  ${String(r.filesPerS).padStart(7)}  ${r.exitCodes.join(',')}`);
  }
  if (e.palisade) console.error(`  palisade: ${e.objects ?? e.palisade.objects} objects, ${e.palisade.findings} findings, ${e.palisade.errors} errors`);
  for (const [tool, rows] of Object.entries(e.accuracy)) {
    const both = rows.reduce((n, r) => n + r.both, 0);
    const all = rows.reduce((n, r) => n + r.both + r.palisadeOnly + r.peerOnly, 0);
    console.error(`  vs ${tool}: ${rows.length} shared concepts, ${both}/${all} units agree (${all ? ((100 * both) / all).toFixed(1) : '—'}%)`);
    for (const r of rows) console.error(`    ${r.concept.padEnd(26)} ${r.checks.padEnd(18)} ${r.match.padEnd(8)} both ${String(r.both).padStart(4)}  palisade-only ${String(r.palisadeOnly).padStart(4)}  ${tool}-only ${String(r.peerOnly).padStart(4)}`);
  }
}
console.error(`\nwrote ${relative(repoRoot, join(outDir, 'results.json'))} and disagreements.json`);
