#!/usr/bin/env node
// Vulnerability-scanning benchmark: Palisade (`--scanners vuln`) against osv-scanner, on identical OSV data and the
// same real lockfiles, side by side in one run.
//
//   bash bench/peers/install.sh osv-scanner && npm run build && node bench/vuln.mjs [--runs N] [--file-runs N]
//        [--corpus DIR] [--data DIR] [--no-peers] [--only palisade|osv-scanner] [--no-boundary] [--no-per-file]
//        [--no-image] [--image-bulk-mb N] [--keep-image]
//
// (1) Data: every <Ecosystem>.jsonl.gz of the shared OSV set (default ../shared/data/osv) becomes
//     - osv-scanner's offline database: <db>/osv-scanner/<Ecosystem>/all.zip with one <id>.json entry per record — the
//       layout osv-scanner v2 reads with --offline-vulnerabilities and OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY=<db>
//       (internal/clients/clientimpl/localmatcher: setupLocalDBDirectory appends "osv-scanner", NewZippedDB reads
//       <that>/<ecosystem>/all.zip). An ecosystem the set has no records for gets an empty all.zip, so osv-scanner
//       says "no advisories" instead of "could not load db".
//     - Palisade's: `palisade db import <data dir> --db bench/.out/vuln/osv.sqlite` (timed, size on disk recorded).
// (2) Both scan the whole lockfile corpus (default ../shared/corpus/lockfiles); best of --runs (default 3, one run when
//     a run takes over 2 minutes); wall, CPU (user+sys) and peak RSS via bench/lib.mjs. Comparison per (lockfile,
//     ecosystem, package, version): both sides' vulnerability IDs are put into alias groups (an ID and its aliases;
//     osv-scanner already groups them); a vulnerability of a package is one connected group of IDs, and the tools
//     agree on it when both report an ID of that group.
//     agreement = agreed (package, vulnerability) pairs / all pairs either tool reports. Inventories (packages per
//     lockfile) are compared too. Every difference gets a class and a cause, checked against the lockfile text or
//     the advisory record (classify, classifyInventory, CAUSES).
// (2c) The same comparison on "boundary" lockfiles generated from the advisories' own versions (see buildBoundary).
// (2b) dpkg status files (OS inventories): osv-scanner reads them only in image mode, so they are Palisade only
//     (scanned as --rootfs), against the same DB and against one with the Debian security tracker feed.
// (3) Per-lockfile time (a scan of that one file, minus the same tool's scan of an empty directory) for every lockfile
//     either tool reads, best of --file-runs (default 3): the 10 slowest and the three large ones are tabulated.
// (4) Palisade only: time and peak RSS of `scan --image` on a generated OCI layout (real npm package.json files of the
//     corpus, a dpkg status, --image-bulk-mb of incompressible filler); the layout is deleted afterwards (--keep-image).
// Writes bench/.out/vuln/results.json (figures), bench/.out/vuln/disagreements.json (every difference, both sides'
// data, a class and its cause), bench/.out/vuln/inventory-diff.json and the raw reports
// bench/.out/vuln/{palisade,osv-scanner}.json. The summary goes to stderr.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { crc32, deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import { bestOf, findPeer, measure, outDir, peersDir, readJson, repoRoot, rssMethod } from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const flag = (name) => argv.includes(name);
const RUNS = Number(opt('--runs', '3'));
const FILE_RUNS = Number(opt('--file-runs', '3'));
/** Incompressible filler in the generated image (MB), besides the package files. */
const IMAGE_BULK_MB = Number(opt('--image-bulk-mb', '512'));
/** A tool slower than this on the whole corpus is run once (osv-scanner takes ~45 s of CPU here). */
const SLOW_MS = 120_000;
const corpus = resolve(opt('--corpus', join(repoRoot, '..', 'shared', 'corpus', 'lockfiles')));
const dataDir = resolve(opt('--data', join(repoRoot, '..', 'shared', 'data', 'osv')));
const ONLY = opt('--only', null)?.split(',') ?? null;
const noPeers = flag('--no-peers') || (ONLY !== null && !ONLY.includes('osv-scanner'));
const vulnOut = join(outDir, 'vuln');
mkdirSync(vulnOut, { recursive: true });
const log = (...a) => console.error(...a);
const rel = (p) => relative(repoRoot, p);

/** Large lockfiles named by the corpus (SOURCES.md) for performance work. */
const LARGE = [
  'npm/snyk__cli@e00a9c02e6/package-lock.json',
  'yarn/getsentry__sentry-javascript/yarn.lock',
  'pnpm/microsoft__rushstack__common__config__subspaces__default/pnpm-lock.yaml',
];
/** OS package databases: osv-scanner reads them only in image mode. */
const isOsInventory = (path) => path.startsWith('dpkg/');

// ---- tools --------------------------------------------------------------------------------------------------------
const firstLine = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] ?? '';
};
const palisadeBin = join(repoRoot, 'bin', 'palisade.js');
const palisadeAvailable = (!ONLY || ONLY.includes('palisade')) && existsSync(palisadeBin) && existsSync(join(repoRoot, 'dist', 'cli', 'palisade.mjs'));
const osvBin = noPeers ? null : findPeer('osv-scanner');
const osvVersion = (() => {
  if (!osvBin) return null;
  const f = join(peersDir, 'osv-scanner.version');
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : firstLine(osvBin, ['--version']).replace(/^osv-scanner version:\s*/, '');
})();
const palisadeVersion = palisadeAvailable ? firstLine(process.execPath, [palisadeBin, '--version']) : null;
/** The work tree measured (read-only git queries): commit, and whether uncommitted changes were built too. */
const palisadeBuilt = (() => {
  const f = join(repoRoot, 'dist', 'cli', 'palisade.mjs');
  return existsSync(f) ? statSync(f).mtime.toISOString() : null;
})();
const palisadeTree = (() => {
  const head = spawnSync('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  const dirty = spawnSync('git', ['-C', repoRoot, 'status', '--porcelain', '--untracked-files=no', '--', 'src'], { encoding: 'utf8' });
  return head.status === 0 ? { commit: head.stdout.trim(), uncommittedSrcChanges: dirty.stdout.trim().split('\n').filter(Boolean).length } : null;
})();

const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memGiB: +(totalmem() / 2 ** 30).toFixed(1),
  loadavgAtStart: loadavg().map((l) => +l.toFixed(2)),
  node: process.version,
  rssMethod,
};
log(`vuln bench: corpus ${corpus}; data ${dataDir}`);
log(`machine: ${machine.nproc} cores (${machine.cpu}), ${machine.memGiB} GiB, node ${machine.node}, load ${machine.loadavgAtStart.join(' ')}`);
if (machine.loadavgAtStart[0] > machine.nproc * 0.5) log(`warning: load average ${machine.loadavgAtStart[0]} on ${machine.nproc} cores — wall times will be inflated (cpu s is less affected)`);
log(`palisade: ${palisadeAvailable ? `${palisadeVersion} (commit ${palisadeTree?.commit ?? '?'}${palisadeTree?.uncommittedSrcChanges ? ` + ${palisadeTree.uncommittedSrcChanges} uncommitted src files` : ''}, dist built ${palisadeBuilt})` : 'not built (run npm run build) — skipped'}; osv-scanner: ${osvBin ? `${osvVersion} (${rel(osvBin)})` : noPeers ? 'skipped (--no-peers)' : 'not installed (bash bench/peers/install.sh osv-scanner) — skipped'}`);

const results = {
  date: new Date().toISOString(),
  corpus: { path: corpus },
  data: { path: dataDir },
  machine,
  runs: RUNS,
  tools: {
    palisade: { available: palisadeAvailable, version: palisadeVersion, tree: palisadeTree, built: palisadeBuilt },
    'osv-scanner': { available: !!osvBin, version: osvVersion, ...(osvBin ? {} : { reason: noPeers ? '--no-peers' : 'not installed' }) },
  },
};

// ---- (1) data ------------------------------------------------------------------------------------------------------
/** Every OSV record file of the data set: <Ecosystem>.jsonl.gz (provenance.jsonl.gz is not OSV). */
const dataFiles = readdirSync(dataDir)
  .filter((f) => f.endsWith('.jsonl.gz') && f !== 'provenance.jsonl.gz')
  .sort();
const records = new Map(); // id → [record, ...] (one per ecosystem file it is in; identical in practice)
const perEcosystem = {};
const t0 = Date.now();
const linesByEco = {};
for (const f of dataFiles) {
  const eco = f.replace(/\.jsonl\.gz$/, '');
  const lines = gunzipSync(readFileSync(join(dataDir, f))).toString('utf8').split('\n').filter(Boolean);
  linesByEco[eco] = lines;
  perEcosystem[eco] = lines.length;
  for (const l of lines) {
    const r = JSON.parse(l);
    if (!records.has(r.id)) records.set(r.id, r);
  }
}
results.data.records = Object.values(perEcosystem).reduce((a, b) => a + b, 0);
results.data.uniqueIds = records.size;
results.data.perEcosystem = perEcosystem;
log(`data: ${results.data.records} records in ${dataFiles.length} ecosystem files (${records.size} distinct IDs), read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

/** A minimal zip writer (deflate, no zip64: fine below 65,535 entries and 4 GB). */
function zipBytes(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const n = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    parts.push(local, n, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, n);
    offset += 30 + n.length + packed.length;
  }
  if (entries.length > 0xffff || offset > 0xffffffff) throw new Error('zip too large for this writer (no zip64)');
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** Ecosystems osv-scanner's source scan can produce that the data set may lack: they get an empty all.zip. */
const EMPTY_ECOSYSTEMS = ['npm', 'PyPI', 'Go', 'crates.io', 'Packagist', 'Maven', 'NuGet', 'RubyGems', 'Pub', 'Hex', 'SwiftURL', 'CRAN', 'Hackage', 'ConanCenter', 'GitHub Actions', 'Debian', 'Alpine', 'Ubuntu'];
const osvDbRoot = join(vulnOut, 'osv-scanner-db');
if (osvBin) {
  const t = Date.now();
  rmSync(osvDbRoot, { recursive: true, force: true });
  let bytes = 0;
  for (const eco of new Set([...Object.keys(linesByEco), ...EMPTY_ECOSYSTEMS])) {
    const dir = join(osvDbRoot, 'osv-scanner', eco);
    mkdirSync(dir, { recursive: true });
    const zip = zipBytes((linesByEco[eco] ?? []).map((l) => ({ name: `${JSON.parse(l).id}.json`, data: Buffer.from(l, 'utf8') })));
    writeFileSync(join(dir, 'all.zip'), zip);
    bytes += zip.length;
  }
  results.tools['osv-scanner'].db = { path: rel(osvDbRoot), buildS: (Date.now() - t) / 1000, bytes, env: `OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY=${rel(osvDbRoot)}` };
  log(`osv-scanner db: ${rel(osvDbRoot)}/osv-scanner/<Ecosystem>/all.zip, ${(bytes / 1e6).toFixed(1)} MB, built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const palisadeDb = join(vulnOut, 'osv.sqlite');
const dbFiles = (p) => [p, `${p}-wal`, `${p}-shm`, `${p}-journal`];
if (palisadeAvailable) {
  const args = [palisadeBin, 'db', 'import', dataDir, '--db', palisadeDb];
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    for (const f of dbFiles(palisadeDb)) rmSync(f, { force: true });
    const r = await measure(process.execPath, args);
    samples.push(r);
    log(`  palisade db import run ${i + 1}/${RUNS}: ${(r.wallMs / 1000).toFixed(2)} s${r.cpuS !== null ? ` (cpu ${r.cpuS.toFixed(2)} s)` : ''}, ${(r.peakRssKb / 1024).toFixed(0)} MB, exit ${r.code}`);
    if (r.code !== 0 || r.wallMs > SLOW_MS) break;
  }
  const best = samples.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  const size = dbFiles(palisadeDb).reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
  const status = spawnSync(process.execPath, [palisadeBin, 'db', 'status', '--format', 'json', '--db', palisadeDb], { encoding: 'utf8' });
  let statusJson;
  try {
    statusJson = JSON.parse(status.stdout);
  } catch {
    statusJson = { raw: (status.stdout + status.stderr).slice(0, 2000) };
  }
  results.tools.palisade.db = {
    path: rel(palisadeDb),
    command: `node bin/palisade.js db import ${dataDir} --db ${rel(palisadeDb)}`,
    runs: samples.length,
    ok: samples.every((s) => s.code === 0),
    exitCodes: samples.map((s) => s.code),
    importBestS: best.wallMs / 1000,
    importCpuS: best.cpuS,
    importPeakRssMb: Math.max(...samples.map((s) => s.peakRssKb)) / 1024,
    bytes: size,
    status: statusJson,
    stderrTail: best.code === 0 ? undefined : best.stderr.slice(-2000),
  };
  log(`palisade db: ${rel(palisadeDb)}, ${(size / 1e6).toFixed(1)} MB on disk, import best ${(best.wallMs / 1000).toFixed(2)} s`);
  if (best.code !== 0) log(best.stderr.slice(-2000));
}

// ---- (2) whole corpus --------------------------------------------------------------------------------------------
const osvEnv = { ...process.env, OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY: osvDbRoot };
/**
 * --offline: no network at all (implies --offline-vulnerabilities and --no-resolve: pom.xml is read as declared, no
 * deps.dev transitive resolution); --no-call-analysis=all: no govulncheck (it would build the Go modules and hide
 * "uncalled" vulnerabilities); --all-packages: the inventory in the JSON; --no-ignore: read every file whatever
 * a .gitignore says (Palisade does).
 */
const osvArgs = (target, lockfile = false) => [
  'scan',
  'source',
  ...(lockfile ? ['-L', target] : ['-r', target]),
  '--offline',
  '--offline-vulnerabilities',
  '--no-call-analysis=all',
  '--no-ignore',
  '--all-packages',
  '--format',
  'json',
];
const palisadeArgs = (target, report) => [palisadeBin, 'scan', target, '--scanners', 'vuln', '--db', palisadeDb, '--format', `json=${report}`, '--fail-on', 'none'];
const palisadeOk = [0, 1, 3]; // 3: a file could not be parsed (reported as an error result)
const osvOk = [0, 1]; // 1: vulnerabilities found

const osvReport = join(vulnOut, 'osv-scanner.json');
const palisadeReport = join(vulnOut, 'palisade.json');
if (osvBin) {
  const args = osvArgs(corpus);
  log(`osv-scanner: OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY=${rel(osvDbRoot)} ${rel(osvBin)} ${args.join(' ')}`);
  const m = await bestOf(RUNS, osvBin, args, { stdoutFile: osvReport, env: osvEnv }, { okCodes: osvOk, slowMs: SLOW_MS, label: 'osv-scanner' });
  Object.assign(results.tools['osv-scanner'], { command: `OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY=${rel(osvDbRoot)} ${rel(osvBin)} ${args.join(' ')} > ${rel(osvReport)}`, ...m, report: rel(osvReport) });
}
if (palisadeAvailable) {
  const args = palisadeArgs(corpus, palisadeReport);
  log(`palisade: node ${args.map((a) => (a.startsWith('/') ? rel(a) : a)).join(' ')}`);
  const m = await bestOf(RUNS, process.execPath, args, {}, { okCodes: palisadeOk, slowMs: SLOW_MS, label: 'palisade' });
  Object.assign(results.tools.palisade, { command: `node bin/palisade.js scan ${corpus} --scanners vuln --db ${rel(palisadeDb)} --format json=${rel(palisadeReport)} --fail-on none`, ...m, report: rel(palisadeReport) });
}

// ---- adapters: report → { files: Map(path → Map(key → pkg)), vulns: Map(key → [idSet, ...]), errors } ----------------
/** PEP 503: PyPI names compare case-insensitively with runs of -_. folded. */
const normName = (eco, name) => (eco === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name);
const baseEco = (eco) => String(eco ?? '').split(':')[0];
const keyOf = (path, eco, name, version) => `${path}\t${baseEco(eco)}\t${normName(baseEco(eco), name)}\t${version ?? ''}`;
const splitKey = (k) => {
  const [path, ecosystem, name, version] = k.split('\t');
  return { path, ecosystem, name, version };
};
const toRootPath = (root, p) => relative(root, resolve(repoRoot, p)).split('\\').join('/');

function emptySide() {
  return { files: new Map(), vulns: new Map(), errors: [], raw: new Map() };
}
function addPkg(side, path, eco, name, version, extra = {}) {
  const k = keyOf(path, eco, name, version);
  if (!side.files.has(path)) side.files.set(path, new Map());
  side.files.get(path).set(k, { ecosystem: eco, name, version, ...extra });
  return k;
}
function addVuln(side, k, ids) {
  if (!side.vulns.has(k)) side.vulns.set(k, []);
  side.vulns.get(k).push(new Set(ids.filter(Boolean)));
}

function readOsv(report, root = corpus, side = emptySide()) {
  const toCorpusPath = (p) => toRootPath(root, p);
  const r = readJson(report);
  for (const res of r.results ?? []) {
    const path = toCorpusPath(res.source?.path ?? '');
    if (!side.files.has(path)) side.files.set(path, new Map());
    for (const p of res.packages ?? []) {
      const pk = p.package ?? {};
      const k = addPkg(side, path, pk.ecosystem ?? '', pk.name, pk.version ?? '', pk.commit ? { commit: pk.commit } : {});
      const groups = p.groups ?? [];
      if (groups.length) for (const g of groups) addVuln(side, k, [...(g.ids ?? []), ...(g.aliases ?? [])]);
      else for (const v of p.vulnerabilities ?? []) addVuln(side, k, [v.id, ...(v.aliases ?? [])]);
      if (p.vulnerabilities?.length) side.raw.set(k, p.vulnerabilities.map((v) => v.id));
    }
  }
  return side;
}

function readPalisade(report, root = corpus) {
  const toCorpusPath = (p) => toRootPath(root, p);
  const side = emptySide();
  const r = readJson(report);
  for (const p of r.inventory ?? []) {
    const path = toCorpusPath(p.location?.path ?? p.path ?? '');
    addPkg(side, path, p.ecosystem ?? '', p.name, p.version ?? '', { purl: p.purl });
  }
  for (const f of r.findings ?? []) {
    const v = f.vulnerability;
    if (!v) {
      if (f.category === 'vuln' || /vuln|lockfile|inventory|version/i.test(`${f.checkId} ${f.engine ?? ''}`) || f.kind === 'error' || f.result === 'error' || f.status === 'error')
        side.errors.push({ path: f.location?.path ? toCorpusPath(f.location.path) : null, line: f.location?.startLine ?? null, checkId: f.checkId, message: f.message });
      continue;
    }
    const path = toCorpusPath(f.location?.path ?? '');
    const pk = v.package ?? {};
    const k = keyOf(path, pk.ecosystem, pk.name, pk.version);
    if (!side.files.get(path)?.has(k)) addPkg(side, path, pk.ecosystem ?? '', pk.name, pk.version ?? '', { fromFinding: true });
    addVuln(side, k, [v.id, f.checkId, ...(v.aliases ?? [])]);
    side.raw.set(k, [...(side.raw.get(k) ?? []), v.id]);
  }
  // Per-target errors (a file that could not be read or parsed, an unparsable version) and warnings (a package not
  // matched, and why: a git or local source, a branch instead of a version).
  side.warnings = [];
  for (const t of r.targets ?? []) {
    const path = toCorpusPath(t.path ?? '');
    for (const e of t.errors ?? []) side.errors.push({ path, line: e.location?.startLine ?? null, code: e.code ?? null, message: e.message });
    for (const w of t.warnings ?? []) side.warnings.push({ path, line: w.location?.startLine ?? null, code: w.code ?? null, message: w.message });
  }
  return side;
}

// ---- comparison --------------------------------------------------------------------------------------------------
/** Connected groups of IDs for one package: groups of both sides merged when they share an ID. */
function clusters(oGroups = [], pGroups = []) {
  const items = [...oGroups.map((s) => ({ side: 'osv', ids: s })), ...pGroups.map((s) => ({ side: 'pal', ids: s }))];
  const parent = items.map((_, i) => i);
  const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map();
  items.forEach((it, i) => {
    for (const id of it.ids) {
      if (owner.has(id)) parent[find(i)] = find(owner.get(id));
      else owner.set(id, i);
    }
  });
  const out = new Map();
  items.forEach((it, i) => {
    const r = find(i);
    if (!out.has(r)) out.set(r, { ids: new Set(), osv: new Set(), pal: new Set() });
    const c = out.get(r);
    for (const id of it.ids) c.ids.add(id);
    c[it.side].add([...it.ids][0]);
  });
  return [...out.values()];
}

/** The affected[] entries of a record for one package (by ecosystem base and normalised name). */
function affectedFor(rec, eco, name) {
  return (rec?.affected ?? []).filter((a) => baseEco(a.package?.ecosystem) === eco && normName(eco, a.package?.name ?? '') === normName(eco, name));
}

/**
 * Explains one difference. Classes describe where the two inventories or matchers part ways; `cause` is filled from
 * CAUSES below (what was found by reading both tools' code and the records).
 */
function classify(d, O, P) {
  const { path, ecosystem, name, version } = splitKey(d.key);
  const other = d.side === 'osv-scanner only' ? P : O;
  const otherName = d.side === 'osv-scanner only' ? 'Palisade' : 'osv-scanner';
  if (!other.files.has(path)) return `file not read by ${otherName}`;
  if (!other.files.get(path).has(d.key)) {
    const same = [...other.files.get(path).values()].filter((p) => baseEco(p.ecosystem) === ecosystem && normName(ecosystem, p.name) === name);
    if (same.length) {
      d.otherVersions = same.map((p) => p.version);
      if (ecosystem === 'Go' && name === 'stdlib' && same.some((p) => /^\d+\.\d+\.(0|99)$/.test(p.version)) && /^\d+\.\d+\.(0|99)$/.test(version)) return GO_DIRECTIVE_CLASS;
      return `version read differently (${otherName} has ${[...new Set(same.map((p) => p.version))].join(', ')})`;
    }
    if (ecosystem === 'PyPI' && d.side === 'Palisade only' && /\./.test(rawNameOf(P, d.key) ?? name)) return PYPI_DOT_CLASS;
    const anyEco = [...other.files.get(path).values()].filter((p) => normName(baseEco(p.ecosystem), p.name) === name);
    if (anyEco.length) return `ecosystem differs (${otherName}: ${anyEco[0].ecosystem})`;
    return `package not in ${otherName}'s inventory`;
  }
  // Both tools list the package: a matcher difference. Look at the records.
  const recs = [...d.ids].map((id) => records.get(id)).filter(Boolean);
  d.records = recs.map((r) => ({ id: r.id, withdrawn: r.withdrawn ?? null, aliases: r.aliases ?? [], affected: affectedFor(r, ecosystem, name) }));
  if (!recs.length) return 'advisory not in the data set';
  if (recs.every((r) => r.withdrawn)) return d.side === 'Palisade only' ? 'withdrawn advisory reported by Palisade' : 'withdrawn advisory reported by osv-scanner';
  const aff = recs.flatMap((r) => affectedFor(r, ecosystem, name));
  if (!aff.length) return 'no affected entry for this package name (alias-only link)';
  if (aff.some((a) => (a.versions ?? []).includes(version))) {
    if (d.side === 'Palisade only') return 'version listed in affected.versions, osv-scanner misses it';
  }
  // osv-scanner's rangeAffectsVersion returns false at the first range that is neither ECOSYSTEM nor SEMVER.
  if (d.side === 'Palisade only' && aff.some((a) => (a.ranges ?? []).findIndex((r) => r.type !== 'ECOSYSTEM' && r.type !== 'SEMVER') === 0 && (a.ranges ?? []).some((r) => r.type === 'ECOSYSTEM' || r.type === 'SEMVER')))
    return 'osv-scanner stops at a leading GIT range';
  if (aff.some((a) => (a.ranges ?? []).some((r) => (r.events ?? []).some((e) => 'last_affected' in e)))) return 'last_affected range';
  return 'matcher difference (see records)';
}

const GO_DIRECTIVE_CLASS = 'go directive without a patch version (go 1.21): osv-scanner matches stdlib 1.21.99, Palisade 1.21.0';
const PYPI_DOT_CLASS = 'PyPI name with a dot (jw.util): osv-scanner drops the requirements.txt line';
/** The name as the tool wrote it (keys hold the PEP 503 form). */
const rawNameOf = (S, key) => {
  const { path } = splitKey(key);
  return S.files.get(path)?.get(key)?.name;
};
/** Causes found for each class (by reading both tools' code on the differences of this run). */
const CAUSES = {
  [GO_DIRECTIVE_CLASS]:
    'osv-scanner deliberately reads a two-component go directive as the newest patch (internal/imodels/imodels.go: "Assume Go stdlib patch version as the latest version ... if we assume patch version as .0, this will cause a lot of false positives"), Palisade as x.y.0; so osv-scanner reports only advisories still unfixed in the newest patch of that minor, Palisade also the ones fixed in a later patch. A policy difference, not a version-scheme bug: the directive is a minimum, the toolchain actually used is unknown. Go 1.21+ writes go.mod with a patch (go 1.21.0), where both tools agree.',
  [PYPI_DOT_CLASS]:
    'osv-scalibr\'s requirements.txt extractor accepts only names matching ^\\w(\\w|-)+$ (extractor/filesystem/language/python/requirements: reValidPkg), so a PEP 508 name with a dot (jw.util, zope.interface, ruamel.yaml) is silently dropped; Palisade reads it. Palisade is right.',
  'file not read by osv-scanner': 'osv-scanner v2.2.4 has no extractor in its default source plugins for this file (see inventory table).',
  'file not read by Palisade': 'Palisade has no lockfile parser for this file, or could not parse it (see its error results).',
  'osv-scanner stops at a leading GIT range':
    'osv-scanner (internal/utility/vulns.rangeAffectsVersion) returns false at the first range whose type is not ECOSYSTEM/SEMVER instead of skipping it, so an affected entry listing a GIT range first is never evaluated; Palisade evaluates every ECOSYSTEM/SEMVER range. Palisade is right.',
};

function compare(O, P) {
  const inScope = (path) => !isOsInventory(path);
  const keys = new Set([...O.vulns.keys(), ...P.vulns.keys()].filter((k) => inScope(splitKey(k).path)));
  let agree = 0;
  const diffs = [];
  const perEco = {};
  for (const k of [...keys].sort()) {
    const eco = splitKey(k).ecosystem;
    const pe = (perEco[eco] ??= { pairs: 0, agree: 0, osvOnly: 0, palisadeOnly: 0 });
    for (const c of clusters(O.vulns.get(k), P.vulns.get(k))) {
      pe.pairs++;
      if (c.osv.size && c.pal.size) {
        agree++;
        pe.agree++;
        continue;
      }
      const side = c.osv.size ? 'osv-scanner only' : 'Palisade only';
      if (c.osv.size) pe.osvOnly++;
      else pe.palisadeOnly++;
      diffs.push({ key: k, ...splitKey(k), side, ids: [...c.ids].sort(), reportedIds: [...(c.osv.size ? c.osv : c.pal)] });
    }
  }
  const pairs = agree + diffs.length;
  for (const d of diffs) {
    d.class = classify(d, O, P);
    const otherSide = d.side === 'osv-scanner only' ? P : O;
    d.otherSideVulnsForPackage = (otherSide.vulns.get(d.key) ?? []).map((s) => [...s]);
    d.cause = CAUSES[d.class] ?? null;
    d.ids = [...d.ids];
  }
  return { pairs, agree, agreement: pairs ? agree / pairs : null, perEcosystem: perEco, diffs };
}

function compareInventories(O, P) {
  const paths = [...new Set([...O.files.keys(), ...P.files.keys()])].filter((p) => !isOsInventory(p)).sort();
  const perFile = [];
  let both = 0;
  let union = 0;
  for (const path of paths) {
    const o = O.files.get(path);
    const p = P.files.get(path);
    const ok = new Set(o?.keys() ?? []);
    const pk = new Set(p?.keys() ?? []);
    const common = [...ok].filter((k) => pk.has(k));
    const oOnly = [...ok].filter((k) => !pk.has(k));
    const pOnly = [...pk].filter((k) => !ok.has(k));
    both += common.length;
    union += common.length + oOnly.length + pOnly.length;
    perFile.push({
      path,
      osvScanner: o ? ok.size : null,
      palisade: p ? pk.size : null,
      both: common.length,
      osvOnly: oOnly.map((k) => ({ ...o.get(k), path: undefined })),
      palisadeOnly: pOnly.map((k) => ({ ...p.get(k), path: undefined })),
    });
  }
  return { files: paths.length, both, union, agreement: union ? both / union : null, perFile };
}

let O = null;
let P = null;
if (osvBin && results.tools['osv-scanner'].ok !== undefined && existsSync(osvReport)) {
  try {
    O = readOsv(osvReport);
  } catch (e) {
    log(`osv-scanner: could not read ${rel(osvReport)}: ${e.message}`);
  }
}
if (palisadeAvailable && existsSync(palisadeReport)) {
  try {
    P = readPalisade(palisadeReport);
  } catch (e) {
    log(`palisade: could not read ${rel(palisadeReport)}: ${e.message}`);
  }
}
const sideFacts = (S) => {
  if (!S) return null;
  const lock = [...S.files.entries()].filter(([p]) => !isOsInventory(p));
  const pkgs = lock.reduce((n, [, m]) => n + m.size, 0);
  const vulnKeys = [...S.vulns.keys()].filter((k) => !isOsInventory(splitKey(k).path));
  return {
    lockfiles: lock.length,
    packages: pkgs,
    vulnerablePackages: vulnKeys.length,
    packageVulnPairs: vulnKeys.reduce((n, k) => n + clusters(S.vulns.get(k)).length, 0),
    distinctIds: new Set(vulnKeys.flatMap((k) => (S.raw.get(k) ?? []))).size,
  };
};
if (O) results.tools['osv-scanner'].facts = sideFacts(O);
if (P) {
  results.tools.palisade.facts = sideFacts(P);
  results.tools.palisade.errorResults = P.errors.length;
  results.tools.palisade.warnings = P.warnings.length;
  results.tools.palisade.warningsByCode = P.warnings.reduce((o, w) => ((o[w.code] = (o[w.code] ?? 0) + 1), o), {});
  results.tools.palisade.errors = P.errors.slice(0, 50);
}
/**
 * Why a package is in one tool's inventory only — each class verified against the lockfile text where it can be.
 * `side` is the tool that lists it.
 */
const fileText = new Map();
function readText(abs) {
  if (!fileText.has(abs)) fileText.set(abs, existsSync(abs) ? readFileSync(abs, 'utf8') : '');
  return fileText.get(abs);
}
const escRe = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function classifyInventory(p, side, path, root) {
  const v = p.version ?? '';
  const text = readText(join(root, path));
  const file = basename(path);
  if (p.ecosystem === 'Go' && p.name === 'stdlib' && /^\d+\.\d+\.(0|99)$/.test(v)) return GO_DIRECTIVE_CLASS;
  if (side === 'osv-scanner') {
    if (!p.ecosystem && p.commit) return 'git dependency: osv-scanner lists it with no ecosystem (commit only); Palisade warns and leaves it out';
    if (/^(workspace:|file:|link:)/.test(v) || v === '0.0.0-use.local') return 'workspace or local package (workspace:, file:, link:, 0.0.0-use.local): not from a registry';
    if (p.ecosystem === 'Packagist' && /^dev-|\.x-dev$|-dev$/.test(v)) return 'Composer branch version (dev-*, *.x-dev): Palisade warns "branch-version" and leaves it out';
    if (file === 'Cargo.lock') {
      const block = text.split('[[package]]').find((b) => new RegExp(`^name = "${escRe(p.name)}"\\s*\\nversion = "${escRe(v)}"`, 'm').test(b));
      if (block && !/^source = /m.test(block)) return 'Cargo crate without `source` (workspace member or path dependency): not from crates.io';
    }
    if (file === 'package-lock.json') {
      try {
        const lock = JSON.parse(text);
        if (lock.packages?.[`node_modules/${p.name}`]?.link) return 'npm workspace link (`link: true`): not from a registry';
      } catch {
        /* fall through */
      }
    }
    if (file === 'yarn.lock' && new RegExp(`^"?${escRe(p.name)}@(file|link|portal|workspace):`, 'm').test(text)) return 'workspace or local package (workspace:, file:, link:, 0.0.0-use.local): not from a registry';
    if (file === 'pubspec.lock') {
      const m = new RegExp(`^  ${escRe(p.name)}:\\n(?:    .*\\n)*?    source: (\\w+)`, 'm').exec(text);
      if (m && m[1] === 'sdk') return 'Flutter/Dart SDK package (`source: sdk`, version 0.0.0): not from pub.dev';
      if (m && m[1] === 'path') return 'Dart path dependency (`source: path`): not from pub.dev';
    }
    if (file === 'uv.lock' && new RegExp(`name = "${escRe(p.name)}"\\nversion = "${escRe(v)}"\\nsource = \\{ (editable|virtual|directory) =`).test(text)) return 'uv project itself (editable/virtual source): not from PyPI';
    if (file === 'mix.lock' && p.ecosystem === 'Hex' && new RegExp(`^  "${escRe(p.name)}": \\{:hex, :(\\w+),`, 'm').test(text)) {
      const hexName = new RegExp(`^  "${escRe(p.name)}": \\{:hex, :(\\w+),`, 'm').exec(text)[1];
      if (hexName !== p.name) return `mix.lock dependency name differs from the Hex package name: osv-scanner uses the name, Palisade the Hex package (${p.name} → ${hexName}); Palisade is right`;
    }
    if (file === 'pnpm-lock.yaml' && /^---\s*$/m.test(text.slice(0, 10)) && /packageManagerDependencies:/.test(text.split(/^---\s*$/m)[1] ?? ''))
      return "pnpm environment document (pnpm's own packageManagerDependencies): osv-scanner reads only the first YAML document; Palisade skips this one on purpose and reads the project's";
  } else {
    if (p.ecosystem === 'PyPI' && file === 'requirements.txt' && p.name.includes('.')) return PYPI_DOT_CLASS;
    if (file === 'pnpm-lock.yaml' && text.includes(`/${p.name}@${v}(`) && !text.includes(`/${p.name}@${v}:`))
      return 'pnpm v6 key with a peer suffix naming a scoped package (/a@1.0.0(@b/c@2.0.0)): osv-scalibr splits the key on "/" and drops the package; Palisade is right';
    if (file === 'pnpm-lock.yaml' && /^---\s*$/m.test(text.slice(0, 10))) return 'second YAML document of a multi-document pnpm-lock.yaml: osv-scanner decodes only the first document; Palisade is right';
    if (file === 'pom.xml' && new RegExp(`<artifactId>${escRe(p.name.split(':')[1] ?? '')}</artifactId>\\s*<version>[^<]*</version>\\s*<type>pom</type>\\s*<scope>import</scope>`).test(text))
      return 'Maven BOM imported in <dependencyManagement> (type pom, scope import): Palisade lists it, osv-scanner does not (a BOM ships no code; harmless, no advisory names one)';
    if (file === 'mix.lock' && p.ecosystem === 'Hex' && new RegExp(`\\{:hex, :${escRe(p.name)},`).test(text) && !new RegExp(`^  "${escRe(p.name)}":`, 'm').test(text))
      return `mix.lock dependency name differs from the Hex package name: osv-scanner uses the name, Palisade the Hex package; Palisade is right`;
  }
  return `unexplained (${side} only)`;
}

function analyse(O, P, root, label) {
  const comparison = compare(O, P);
  const inventory = compareInventories(O, P);
  const byClass = {};
  for (const d of comparison.diffs) {
    const c = (byClass[`${d.side}: ${d.class}`] ??= { side: d.side, class: d.class, count: 0, cause: d.cause, examples: [] });
    c.count++;
    if (c.examples.length < 5) c.examples.push(`${d.path} ${d.ecosystem}/${d.name}@${d.version} ${d.reportedIds.join(',')}`);
  }
  const invClass = {};
  for (const f of inventory.perFile) {
    for (const [list, side] of [
      [f.osvOnly, 'osv-scanner'],
      [f.palisadeOnly, 'Palisade'],
    ])
      for (const p of list) {
        p.class = classifyInventory(p, side, f.path, root);
        const c = (invClass[`${side}: ${p.class}`] ??= { side: `${side} only`, class: p.class, count: 0, files: new Set(), examples: [] });
        c.count++;
        c.files.add(f.path);
        if (c.examples.length < 3) c.examples.push(`${f.path} ${p.ecosystem}/${p.name}@${p.version}`);
      }
  }
  const summary = {
    pairs: comparison.pairs,
    agree: comparison.agree,
    agreement: comparison.agreement,
    osvScannerOnly: comparison.diffs.filter((d) => d.side === 'osv-scanner only').length,
    palisadeOnly: comparison.diffs.filter((d) => d.side === 'Palisade only').length,
    perEcosystem: comparison.perEcosystem,
    byClass: Object.values(byClass).sort((a, b) => b.count - a.count),
  };
  const inv = {
    lockfiles: inventory.files,
    packagesBoth: inventory.both,
    packagesUnion: inventory.union,
    agreement: inventory.agreement,
    byClass: Object.values(invClass)
      .map((c) => ({ ...c, files: c.files.size }))
      .sort((a, b) => b.count - a.count),
    filesWithDifferences: inventory.perFile
      .filter((f) => f.osvOnly.length || f.palisadeOnly.length)
      .map((f) => ({ path: f.path, osvScanner: f.osvScanner, palisade: f.palisade, both: f.both, osvOnly: f.osvOnly.length, palisadeOnly: f.palisadeOnly.length })),
  };
  // Palisade's "cannot tell" results (a version its scheme cannot parse, where only a range could decide) and what
  // osv-scanner says about the same package and advisory.
  const unknown = [];
  for (const e of P.errors) {
    const m = /^(\S+) (\S+) \(([^)]+)\): cannot tell whether (\S+) applies/.exec(e.message ?? '');
    if (!m) continue;
    const k = keyOf(e.path, m[3], m[1], m[2]);
    const oGroups = O.vulns.get(k) ?? [];
    const osvVerdict = !O.files.get(e.path)?.has(k) ? 'package not in its inventory' : oGroups.some((g) => g.has(m[4])) ? 'reports it' : 'does not report it (not affected)';
    unknown.push({ path: e.path, line: e.line, ecosystem: m[3], name: m[1], version: m[2], id: m[4], palisade: e.message, osvScanner: osvVerdict });
  }
  summary.palisadeUnknownVersion = unknown.length;
  summary.palisadeUnknownVersionByOsvVerdict = unknown.reduce((o, u) => ((o[u.osvScanner] = (o[u.osvScanner] ?? 0) + 1), o), {});
  return { label, root, summary, inventory: inv, diffs: comparison.diffs, unknown, inventoryPerFile: inventory.perFile };
}

const analyses = {};
if (O && P) {
  analyses.corpus = analyse(O, P, corpus, 'corpus');
  results.comparison = analyses.corpus.summary;
  results.inventory = analyses.corpus.inventory;
}

// ---- (2c) boundary lockfiles: the advisories' own versions -------------------------------------------------------------
// The corpus exercises the matcher only where its packages happen to have advisories (a few hundred pairs, five
// ecosystems). So both tools also scan lockfiles generated from the data set itself: for every package an advisory
// names (in the ecosystems that have a lockfile format both tools read), every version the advisory mentions — each
// range event (introduced, fixed, last_affected, limit) and each entry of `versions` (at most BOUNDARY_LISTED of those
// per package, evenly spread) — each in its own lockfile row. Event versions sit exactly on the range boundaries, so
// this is where version schemes and range evaluation differ if they do. A package appears once per lockfile: file k
// holds the k-th version of every package. Go: versions are written with their "v", module paths whose major version
// does not fit the version (go.mod would be invalid) are left out, stdlib/toolchain are left out (they are matched
// through the go directive, which varies per file: 1.21, 1.22.0, ...). Packagist: the Drupal records are scoped to
// "Packagist:https://packages.drupal.org/8", which neither tool maps a composer.lock entry to, so they are left out.
const BOUNDARY_LISTED = 6;
const BOUNDARY = {
  PyPI: { dir: 'pypi', file: 'requirements.txt', write: (pk) => pk.map((p) => `${p.name}==${p.version}\n`).join('') },
  Go: {
    dir: 'go',
    file: 'go.mod',
    write: (pk, i) => `module bench.local/boundary${i}\n\ngo ${GO_DIRECTIVES[i % GO_DIRECTIVES.length]}\n\nrequire (\n${pk.map((p) => `\t${p.name} v${p.version}\n`).join('')})\n`,
  },
  'crates.io': {
    dir: 'cargo',
    file: 'Cargo.lock',
    write: (pk) => `# generated\nversion = 4\n${pk.map((p) => `\n[[package]]\nname = "${p.name}"\nversion = "${p.version}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n`).join('')}`,
  },
  Packagist: { dir: 'composer', file: 'composer.lock', write: (pk) => JSON.stringify({ 'content-hash': 'x', packages: pk.map((p) => ({ name: p.name, version: p.version, type: 'library' })), 'packages-dev': [] }, null, 4) },
  npm: {
    dir: 'npm',
    file: 'package-lock.json',
    write: (pk) =>
      JSON.stringify(
        { name: 'boundary', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'boundary', version: '1.0.0' }, ...Object.fromEntries(pk.map((p) => [`node_modules/${p.name}`, { version: p.version, resolved: `https://registry.npmjs.org/${p.name}/-/${p.name.split('/').pop()}-${p.version}.tgz` }])) } },
        null,
        2,
      ),
  },
  Maven: {
    dir: 'maven',
    file: 'pom.xml',
    write: (pk, i) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>bench.local</groupId>\n  <artifactId>boundary${i}</artifactId>\n  <version>1.0.0</version>\n  <dependencies>\n${pk
        .map((p) => `    <dependency>\n      <groupId>${p.name.split(':')[0]}</groupId>\n      <artifactId>${p.name.split(':')[1]}</artifactId>\n      <version>${p.version}</version>\n    </dependency>\n`)
        .join('')}  </dependencies>\n</project>\n`,
  },
  NuGet: { dir: 'nuget', file: 'packages.lock.json', write: (pk) => JSON.stringify({ version: 1, dependencies: { 'net8.0': Object.fromEntries(pk.map((p) => [p.name, { type: 'Direct', requested: `[${p.version}, )`, resolved: p.version, contentHash: 'x' }])) } }, null, 2) },
  RubyGems: {
    dir: 'rubygems',
    file: 'Gemfile.lock',
    write: (pk) => `GEM\n  remote: https://rubygems.org/\n  specs:\n${pk.map((p) => `    ${p.name} (${p.version})\n`).join('')}\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n${pk.map((p) => `  ${p.name}\n`).join('')}\nBUNDLED WITH\n   2.5.11\n`,
  },
};
const GO_DIRECTIVES = ['1.21', '1.22.0', '1.20', '1.23.4', '1.19', '1.24.1', '1.18', '1.21.5'];
/** go.mod rejects a require whose version's major does not fit the module path (v2+ needs /vN or +incompatible). */
function goVersionFits(path, version) {
  const m = /^(\d+)\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(\+incompatible)?$/.exec(version);
  if (!m) return false;
  const major = Number(m[1]);
  const suffix = /\/v(\d+)$/.exec(path) ?? /^gopkg\.in\/.*\.v(\d+)$/.exec(path);
  if (suffix) return major === Number(suffix[1]) && !m[2];
  return major <= 1 ? !m[2] : !!m[2];
}
function buildBoundary(dir) {
  rmSync(dir, { recursive: true, force: true });
  const byEco = {};
  const skipped = { goVersionOrPath: 0, goStdlib: 0, packagistDrupal: 0, listedBeyondCap: 0 };
  for (const rec of records.values()) {
    for (const a of rec.affected ?? []) {
      const full = a.package?.ecosystem ?? '';
      const eco = baseEco(full);
      if (!BOUNDARY[eco] || !a.package?.name) continue;
      if (full !== eco) {
        if (eco === 'Packagist') skipped.packagistDrupal++;
        continue;
      }
      const name = a.package.name;
      if (eco === 'Go' && (name === 'stdlib' || name === 'toolchain')) {
        skipped.goStdlib++;
        continue;
      }
      const vs = ((byEco[eco] ??= new Map()).get(name) ?? new Set());
      byEco[eco].set(name, vs);
      const events = (a.ranges ?? []).filter((r) => r.type === 'ECOSYSTEM' || r.type === 'SEMVER').flatMap((r) => (r.events ?? []).flatMap((e) => Object.values(e)));
      for (const v of events) if (typeof v === 'string' && v !== '0') vs.add(v);
      const listed = (a.versions ?? []).filter((v) => typeof v === 'string');
      const step = Math.max(1, Math.ceil(listed.length / BOUNDARY_LISTED));
      for (let i = 0; i < listed.length; i += step) vs.add(listed[i]);
      if (listed.length) vs.add(listed[listed.length - 1]);
      skipped.listedBeyondCap += Math.max(0, listed.length - Math.ceil(listed.length / step) - 1);
    }
  }
  const facts = {};
  for (const [eco, pkgs] of Object.entries(byEco)) {
    const spec = BOUNDARY[eco];
    const rows = []; // rows[k] = [{name, version}]
    let entries = 0;
    for (const [name, set] of [...pkgs.entries()].sort()) {
      let k = 0;
      for (const v of [...set].sort()) {
        if (eco === 'Go' && !goVersionFits(name, v)) {
          skipped.goVersionOrPath++;
          continue;
        }
        (rows[k++] ??= []).push({ name, version: v });
        entries++;
      }
    }
    rows.forEach((pk, i) => {
      const d = join(dir, spec.dir, `b${String(i).padStart(3, '0')}`);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, spec.file), spec.write(pk, i));
    });
    facts[eco] = { packages: pkgs.size, entries, files: rows.length };
  }
  return { perEcosystem: facts, skipped, entries: Object.values(facts).reduce((n, f) => n + f.entries, 0), files: Object.values(facts).reduce((n, f) => n + f.files, 0) };
}
if (!flag('--no-boundary') && (osvBin || palisadeAvailable)) {
  const bdir = join(vulnOut, 'boundary');
  const b = buildBoundary(bdir);
  results.boundary = { path: rel(bdir), listedCap: BOUNDARY_LISTED, ...b, tools: {} };
  log(`\nboundary lockfiles: ${b.entries} (package, version) rows in ${b.files} files under ${rel(bdir)} — ${Object.entries(b.perEcosystem).map(([e, f]) => `${e} ${f.entries}`).join(', ')}`);
  let BO = null;
  let BP = null;
  if (osvBin) {
    // osv-scanner embeds every matched record in full in its JSON (PyPA records carry lists of hundreds of versions):
    // one report for the whole tree is ~700 MB, past what JSON.parse takes. So it runs on batches of lockfiles (-L
    // repeated); times and CPU are summed, peak RSS is the largest batch's.
    const all = [];
    const walk = (d) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else all.push(join(d, e.name));
      }
    };
    walk(bdir);
    all.sort();
    const BATCH = 40;
    const sum = { runs: 0, ok: true, exitCodes: [], bestS: 0, cpuS: 0, peakRssMb: 0, batches: 0, reportBytes: 0 };
    BO = emptySide();
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      const report = join(vulnOut, 'osv-scanner-boundary.part.json');
      const args = ['scan', 'source', ...batch.flatMap((f) => ['-L', f]), ...osvArgs('').slice(4)];
      const r = await measure(osvBin, args, { stdoutFile: report, env: osvEnv });
      sum.batches++;
      sum.exitCodes.push(r.code);
      sum.bestS += r.wallMs / 1000;
      sum.cpuS += r.cpuS ?? 0;
      sum.peakRssMb = Math.max(sum.peakRssMb, r.peakRssKb / 1024);
      if (!osvOk.includes(r.code)) {
        sum.ok = false;
        sum.stderrTail = r.stderr.slice(-2000);
        break;
      }
      sum.reportBytes += statSync(report).size;
      readOsv(report, bdir, BO);
      rmSync(report, { force: true });
    }
    sum.runs = 1;
    sum.medianS = sum.bestS;
    log(`  osv-scanner/boundary: ${sum.batches} batches of ≤${BATCH} lockfiles: ${sum.bestS.toFixed(2)} s (cpu ${sum.cpuS.toFixed(2)} s), peak ${sum.peakRssMb.toFixed(0)} MB, reports ${(sum.reportBytes / 1e6).toFixed(0)} MB in all`);
    results.boundary.tools['osv-scanner'] = { ...sum, command: `${rel(osvBin)} scan source -L <lockfile> ... (${BATCH} per run) ${osvArgs('').slice(4).join(' ')}` };
    if (!sum.ok) BO = null;
  }
  if (palisadeAvailable) {
    const report = join(vulnOut, 'palisade-boundary.json');
    const m = await bestOf(1, process.execPath, palisadeArgs(bdir, report), {}, { okCodes: palisadeOk, label: 'palisade/boundary' });
    results.boundary.tools.palisade = { ...m, report: rel(report) };
    if (m.ok) {
      BP = readPalisade(report, bdir);
      results.boundary.tools.palisade.errorResults = BP.errors.length;
      results.boundary.tools.palisade.errors = BP.errors.slice(0, 50);
      results.boundary.tools.palisade.warningsByCode = BP.warnings.reduce((o, w) => ((o[w.code] = (o[w.code] ?? 0) + 1), o), {});
    }
  }
  if (BO) results.boundary.tools['osv-scanner'].facts = sideFacts(BO);
  if (BP) results.boundary.tools.palisade.facts = sideFacts(BP);
  if (BO && BP) {
    analyses.boundary = analyse(BO, BP, bdir, 'boundary');
    results.boundary.comparison = analyses.boundary.summary;
    results.boundary.inventory = analyses.boundary.inventory;
  }
}
if (Object.keys(analyses).length) {
  const pack = (a) => ({ root: a.root, agreement: a.summary, differences: a.diffs, palisadeUnknownVersion: a.unknown });
  writeFileSync(
    join(vulnOut, 'disagreements.json'),
    JSON.stringify(
      {
        date: results.date,
        note: "every (lockfile, package, vulnerability) reported by one tool only, with both sides' data, its class and cause; corpus = the shared lockfile corpus (dpkg/ excluded: osv-scanner reads it only in image mode), boundary = the lockfiles generated from the advisories' own versions",
        ...Object.fromEntries(Object.entries(analyses).map(([l, a]) => [l, pack(a)])),
      },
      null,
      1,
    ) + '\n',
  );
  writeFileSync(
    join(vulnOut, 'inventory-diff.json'),
    JSON.stringify({ date: results.date, ...Object.fromEntries(Object.entries(analyses).map(([l, a]) => [l, { root: a.root, ...a.inventory, perFile: a.inventoryPerFile.filter((f) => f.osvOnly.length || f.palisadeOnly.length) }])) }, null, 1) + '\n',
  );
}

// ---- (2b) OS inventories: the dpkg status files, Palisade only ----------------------------------------------------
// A dpkg status database is an OS inventory: Palisade reads it from an unpacked root filesystem (--rootfs) or an image,
// osv-scanner only from an image. Each corpus status file + os-release is laid out as <name>/var/lib/dpkg/status and
// <name>/etc/os-release. The shared OSV set has no Debian records, so these are matched twice: against the same DB, and
// against a copy with the Debian security tracker's DSA/DLA/DTSA lists (non-osv/) imported with --feed debian — all
// three in one command: a feed is one source ("debian-tracker"), so a second import of it replaces the first.
async function dpkgBench() {
  const root = join(corpus, 'dpkg');
  if (!existsSync(root)) return { available: false, reason: `${root} not found` };
  const rootfsBase = join(vulnOut, 'dpkg-rootfs');
  rmSync(rootfsBase, { recursive: true, force: true });
  const dirs = readdirSync(root).filter((d) => existsSync(join(root, d, 'status'))).sort();
  for (const d of dirs) {
    mkdirSync(join(rootfsBase, d, 'var', 'lib', 'dpkg'), { recursive: true });
    mkdirSync(join(rootfsBase, d, 'etc'), { recursive: true });
    writeFileSync(join(rootfsBase, d, 'var', 'lib', 'dpkg', 'status'), readFileSync(join(root, d, 'status')));
    if (existsSync(join(root, d, 'os-release'))) writeFileSync(join(rootfsBase, d, 'etc', 'os-release'), readFileSync(join(root, d, 'os-release')));
  }
  const out = { statusFiles: dirs.map((d) => `dpkg/${d}/status`), rootfs: rel(rootfsBase), runs: {} };
  const feedDir = join(dataDir, 'non-osv', 'debian-security-tracker');
  const dbs = [['osv', palisadeDb]];
  if (existsSync(feedDir)) {
    const debDb = join(vulnOut, 'osv-debian.sqlite');
    for (const f of dbFiles(debDb)) rmSync(f, { force: true });
    writeFileSync(debDb, readFileSync(palisadeDb));
    const lists = ['DSA', 'DLA', 'DTSA'].map((l) => join(feedDir, `${l}.list`)).filter(existsSync);
    const r = await measure(process.execPath, [palisadeBin, 'db', 'import', '--feed', 'debian', ...lists, '--db', debDb]);
    const st = spawnSync(process.execPath, [palisadeBin, 'db', 'status', '--format', 'json', '--db', debDb], { encoding: 'utf8' });
    let debianRecords = null;
    try {
      debianRecords = JSON.parse(st.stdout).byEcosystem?.Debian ?? null;
    } catch {
      /* reported as null */
    }
    out.debianFeed = { lists: lists.map(rel), command: `node bin/palisade.js db import --feed debian ${lists.map(rel).join(' ')} --db ${rel(debDb)}`, importS: r.wallMs / 1000, exit: r.code, debianRecords };
    if (r.code === 0) dbs.push(['osv+debian-tracker', debDb]);
  }
  for (const [label, db] of dbs) {
    const report = join(vulnOut, `palisade-dpkg-${label.replace(/[^a-z]+/g, '-')}.json`);
    const args = [palisadeBin, 'scan', ...dirs.flatMap((d) => ['--rootfs', join(rootfsBase, d)]), '--scanners', 'vuln', '--db', db, '--format', `json=${report}`, '--fail-on', 'none'];
    const m = await bestOf(RUNS, process.execPath, args, {}, { okCodes: palisadeOk, slowMs: SLOW_MS, label: `palisade/dpkg ${label}` });
    const perStatus = {};
    try {
      const r = readJson(report);
      for (const p of r.inventory ?? []) {
        const d = relative(rootfsBase, p.location?.path ?? '').split('/')[0];
        (perStatus[d] ??= { packages: 0, ecosystems: new Set(), vulnerablePackages: new Set(), findings: 0 }).packages++;
        perStatus[d].ecosystems.add(p.ecosystem);
      }
      for (const f of r.findings ?? []) {
        if (!f.vulnerability) continue;
        const d = relative(rootfsBase, f.location?.path ?? '').split('/')[0];
        const ps = (perStatus[d] ??= { packages: 0, ecosystems: new Set(), vulnerablePackages: new Set(), findings: 0 });
        ps.findings++;
        ps.vulnerablePackages.add(`${f.vulnerability.package?.name}@${f.vulnerability.package?.version}`);
      }
    } catch (e) {
      perStatus.error = e.message;
    }
    out.runs[label] = {
      command: `node bin/palisade.js scan ${dirs.map((d) => `--rootfs ${rel(join(rootfsBase, d))}`).join(' ')} --scanners vuln --db ${rel(db)} --format json=${rel(report)} --fail-on none`,
      ...m,
      perStatus: Object.fromEntries(Object.entries(perStatus).map(([d, v]) => [d, v.packages === undefined ? v : { packages: v.packages, ecosystems: [...v.ecosystems], vulnerablePackages: v.vulnerablePackages.size, findings: v.findings }])),
    };
  }
  return out;
}
if (palisadeAvailable && existsSync(palisadeDb)) {
  try {
    results.osInventories = await dpkgBench();
  } catch (e) {
    results.osInventories = { available: false, reason: e.message };
  }
}

// ---- (3) per-lockfile time -----------------------------------------------------------------------------------------
if (!flag('--no-per-file') && (O || P)) {
  const lockfiles = [...new Set([...(O?.files.keys() ?? []), ...(P?.files.keys() ?? [])])]
    .filter((p) => (O?.files.get(p)?.size ?? 0) + (P?.files.get(p)?.size ?? 0) > 0 && existsSync(join(corpus, p)))
    .sort();
  const empty = join(vulnOut, 'empty-dir');
  mkdirSync(empty, { recursive: true });
  const best = async (cmd, args, env, okCodes) => {
    let b = null;
    for (let i = 0; i < FILE_RUNS; i++) {
      const r = await measure(cmd, args, { env: env ?? process.env });
      if (!b || r.wallMs < b.wallMs) b = r;
      if (!okCodes.includes(r.code)) break;
    }
    return { wallS: b.wallMs / 1000, cpuS: b.cpuS, rssMb: b.peakRssKb / 1024, code: b.code, ok: okCodes.includes(b.code) };
  };
  const baseline = {};
  if (P) baseline.palisade = await best(process.execPath, palisadeArgs(empty, '/dev/null'), null, palisadeOk);
  if (O) baseline['osv-scanner'] = await best(osvBin, [...osvArgs(empty), '--allow-no-lockfiles'], osvEnv, [0, 1]);
  log(`per-lockfile: ${lockfiles.length} files, best of ${FILE_RUNS}; empty-directory baseline ${Object.entries(baseline).map(([t, b]) => `${t} ${b.wallS.toFixed(2)} s (cpu ${b.cpuS?.toFixed(2)})`).join(', ')}`);
  const perFile = [];
  let i = 0;
  for (const path of lockfiles) {
    i++;
    const abs = join(corpus, path);
    const row = { path, bytes: statSync(abs).size, osvScannerPackages: O?.files.get(path)?.size ?? null, palisadePackages: P?.files.get(path)?.size ?? null };
    if (P) row.palisade = await best(process.execPath, palisadeArgs(abs, '/dev/null'), null, palisadeOk);
    if (O && !isOsInventory(path)) row['osv-scanner'] = await best(osvBin, osvArgs(abs, true), osvEnv, osvOk);
    for (const t of ['palisade', 'osv-scanner']) if (row[t] && baseline[t]) row[t].netS = Math.max(0, row[t].wallS - baseline[t].wallS);
    perFile.push(row);
    if (i % 20 === 0) log(`  ${i}/${lockfiles.length}`);
  }
  const totals = {};
  for (const t of ['palisade', 'osv-scanner']) {
    const xs = perFile.filter((f) => f[t]?.ok);
    if (xs.length) totals[t] = { files: xs.length, wallS: xs.reduce((n, f) => n + f[t].wallS, 0), cpuS: xs.reduce((n, f) => n + (f[t].cpuS ?? 0), 0), netS: xs.reduce((n, f) => n + (f[t].netS ?? 0), 0), maxRssMb: Math.max(...xs.map((f) => f[t].rssMb)) };
  }
  const both = perFile.filter((f) => f.palisade?.ok && f['osv-scanner']?.ok);
  totals.palisadeFasterWall = both.filter((f) => f.palisade.wallS < f['osv-scanner'].wallS).length;
  totals.bothRan = both.length;
  results.perFile = { runs: FILE_RUNS, baseline, totals, files: perFile };
}

// ---- (4) large image, Palisade only (optional) ---------------------------------------------------------------------
/** A tar writer for regular files (ustar; names ≤ 100 bytes or split with a prefix ≤ 155). */
function tarBytes(files) {
  const blocks = [];
  for (const { name, data } of files) {
    const h = Buffer.alloc(512);
    let n = name;
    let prefix = '';
    if (Buffer.byteLength(n) > 100) {
      // Split at a slash so that the name part fits 100 bytes and the prefix 155.
      let at = n.indexOf('/');
      while (at >= 0 && Buffer.byteLength(n.slice(at + 1)) > 100) at = n.indexOf('/', at + 1);
      if (at < 0 || Buffer.byteLength(n.slice(0, at)) > 155) throw new Error(`path too long for ustar: ${name}`);
      prefix = n.slice(0, at);
      n = n.slice(at + 1);
    }
    h.write(n, 0, 100);
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    h.write(prefix, 345, 155);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

async function imageBench() {
  const help = spawnSync(process.execPath, [palisadeBin, 'scan', '--help'], { encoding: 'utf8' });
  if (!/--image/.test(help.stdout ?? '')) return { available: false, reason: 'palisade scan has no --image option' };
  // Packages to plant: every npm package of the three large lockfiles (real names and versions), as
  // node_modules/<name>/package.json in several layers, plus the largest dpkg status and its os-release.
  const npm = new Map();
  for (const [path, m] of P?.files ?? []) if (/^(npm|yarn|pnpm|bun)\//.test(path)) for (const p of m.values()) if (p.ecosystem === 'npm' && p.name && p.version) npm.set(`${p.name}@${p.version}`, p);
  const pkgs = [...npm.values()];
  const dpkgDir = readdirSync(join(corpus, 'dpkg'))
    .map((d) => join(corpus, 'dpkg', d))
    .sort((a, b) => statSync(join(b, 'status')).size - statSync(join(a, 'status')).size)[0];
  const layout = join(vulnOut, 'image-oci');
  rmSync(layout, { recursive: true, force: true });
  mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
  const blob = (buf) => {
    const d = createHash('sha256').update(buf).digest('hex');
    writeFileSync(join(layout, 'blobs', 'sha256', d), buf);
    return { digest: `sha256:${d}`, size: buf.length };
  };
  const LAYERS = 8;
  const layerFiles = Array.from({ length: LAYERS }, () => []);
  layerFiles[0].push({ name: 'var/lib/dpkg/status', data: readFileSync(join(dpkgDir, 'status')) }, { name: 'etc/os-release', data: readFileSync(join(dpkgDir, 'os-release')) });
  pkgs.forEach((p, i) => {
    const dir = `srv/p${i}/node_modules/${p.name}`;
    layerFiles[1 + (i % (LAYERS - 1))].push({ name: `${dir}/package.json`, data: Buffer.from(JSON.stringify({ name: p.name, version: p.version, description: 'x'.repeat(200) }, null, 2)) });
  });
  // Bulk: incompressible files in their own layers (IMAGE_BULK_MB in all), so that the image is large on the wire and
  // on disk and a scanner that buffers layers or files shows it in its peak RSS.
  const bulkLayers = Math.max(1, Math.ceil(IMAGE_BULK_MB / 128));
  for (let l = 0; l < bulkLayers; l++) {
    const files = [];
    for (let mb = 0; mb < Math.min(128, IMAGE_BULK_MB - l * 128); mb += 8) files.push({ name: `opt/bulk${l}/blob${mb / 8}.bin`, data: randomBytes(8 * 2 ** 20) });
    layerFiles.push(files);
  }
  const layers = [];
  const diffIds = [];
  for (const files of layerFiles) {
    const tar = tarBytes(files);
    diffIds.push(`sha256:${createHash('sha256').update(tar).digest('hex')}`);
    layers.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...blob(gzipSync(tar, { level: 1 })) });
  }
  const config = blob(Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds }, config: {} })));
  const manifest = blob(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config }, layers })));
  writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(join(layout, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, platform: { architecture: 'amd64', os: 'linux' } }] }));
  const bytes = layers.reduce((n, l) => n + l.size, 0);
  const report = join(vulnOut, 'palisade-image.json');
  const args = [palisadeBin, 'scan', '--image', layout, '--scanners', 'vuln', '--db', palisadeDb, '--format', `json=${report}`, '--fail-on', 'none'];
  log(`image: ${rel(layout)}: ${pkgs.length} package.json files + ${basename(dpkgDir)} dpkg status in ${LAYERS} layers, ${IMAGE_BULK_MB} MB of filler in ${layerFiles.length - LAYERS} more; ${(bytes / 1e6).toFixed(1)} MB compressed`);
  const m = await bestOf(RUNS, process.execPath, args, {}, { okCodes: palisadeOk, slowMs: SLOW_MS, label: 'palisade/image' });
  let facts;
  try {
    const r = readJson(report);
    facts = { inventory: (r.inventory ?? []).length, vulnFindings: (r.findings ?? []).filter((f) => f.vulnerability).length };
  } catch (e) {
    facts = { reportError: e.message };
  }
  if (!flag('--keep-image')) rmSync(layout, { recursive: true, force: true });
  return { available: true, layout: rel(layout), npmPackages: pkgs.length, dpkgStatus: rel(join(dpkgDir, 'status')), layers: layerFiles.length, bulkMb: IMAGE_BULK_MB, compressedBytes: bytes, command: `node bin/palisade.js scan --image ${rel(layout)} --scanners vuln --db ${rel(palisadeDb)} --format json=${rel(report)} --fail-on none`, ...m, ...facts };
}
if (palisadeAvailable && P && !flag('--no-image')) {
  try {
    results.image = await imageBench();
  } catch (e) {
    results.image = { available: false, reason: e.message };
  }
}

// ---- summary (stderr) ----------------------------------------------------------------------------------------------
const fmt = (v, d = 2) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '—');
const pct = (x) => (typeof x === 'number' ? `${(100 * x).toFixed(2)}%` : '—');
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
const T = results.tools;
const rows = [['tool', 'version', 'db build/import s', 'db MB', 'scan wall s (best)', 'median', 'cpu s', 'peak RSS MB', 'runs', 'lockfiles', 'packages', 'vuln pkgs', 'pkg×vuln pairs']];
for (const [name, t] of Object.entries(T)) {
  if (!t.available) {
    rows.push([name, 'n/a', 'not available', '', '', '', '', '', '', '', '', '', '']);
    continue;
  }
  rows.push([
    name,
    String(t.version ?? '').slice(0, 40),
    name === 'palisade' ? fmt(t.db?.importBestS) : fmt(t.db?.buildS),
    fmt((t.db?.bytes ?? NaN) / 1e6, 1),
    fmt(t.bestS),
    fmt(t.medianS),
    fmt(t.cpuS),
    fmt(t.peakRssMb, 0),
    String(t.runs ?? '—'),
    String(t.facts?.lockfiles ?? '—'),
    String(t.facts?.packages ?? '—'),
    String(t.facts?.vulnerablePackages ?? '—'),
    String(t.facts?.packageVulnPairs ?? '—'),
  ]);
}
log(`\nVulnerability scanning — ${corpus} (lockfiles; dpkg/ excluded from the comparison), OSV data ${dataDir}`);
log(table(rows));
function printAnalysis(title, c, inv) {
  log(`\n${title}: agreement ${c.agree} of ${c.pairs} (package, vulnerability) pairs = ${pct(c.agreement)}; osv-scanner only ${c.osvScannerOnly}, Palisade only ${c.palisadeOnly}`);
  log(`${title}: inventory ${inv.packagesBoth} of ${inv.packagesUnion} (lockfile, package, version) entries in both = ${pct(inv.agreement)}`);
  const erows = [['ecosystem', 'pairs', 'agree', 'osv-scanner only', 'Palisade only']];
  for (const [e, v] of Object.entries(c.perEcosystem).sort()) erows.push([e || '(none)', v.pairs, v.agree, v.osvOnly, v.palisadeOnly]);
  log(table(erows));
  if (c.byClass.length) {
    log(`\n${title}: vulnerability differences by class:`);
    for (const k of c.byClass) log(`  ${String(k.count).padStart(5)}  ${k.side}: ${k.class}${k.cause ? `\n         cause: ${k.cause}` : ''}\n         e.g. ${k.examples.slice(0, 3).join('\n              ')}`);
  }
  if (inv.byClass.length) {
    log(`\n${title}: inventory differences by class (entries, lockfiles):`);
    for (const k of inv.byClass) log(`  ${String(k.count).padStart(5)} in ${String(k.files).padStart(3)}  ${k.side}: ${k.class}\n         e.g. ${k.examples.slice(0, 2).join('\n              ')}`);
  }
  if (c.palisadeUnknownVersion)
    log(`\n${title}: ${c.palisadeUnknownVersion} Palisade "cannot tell" results (unparsable version, range needed); osv-scanner on the same: ${Object.entries(c.palisadeUnknownVersionByOsvVerdict).map(([v, n]) => `${v} ${n}`).join(', ')}`);
  const fd = inv.filesWithDifferences;
  if (fd.length && fd.length <= 60) {
    log(`\n${title}: inventory differences in ${fd.length} lockfiles:`);
    log(table([['lockfile', 'osv-scanner', 'Palisade', 'both', 'osv only', 'Palisade only'], ...fd.map((f) => [f.path, f.osvScanner ?? 'not read', f.palisade ?? 'not read', f.both, f.osvOnly, f.palisadeOnly])]));
  }
}
if (results.comparison) printAnalysis('corpus', results.comparison, results.inventory);
if (results.boundary) {
  const b = results.boundary;
  log(`\nboundary lockfiles: ${b.entries} rows in ${b.files} files; ${Object.entries(b.tools).map(([t, m]) => `${t} ${fmt(m.bestS)} s (cpu ${fmt(m.cpuS)} s, ${fmt(m.peakRssMb, 0)} MB, exit ${m.exitCodes?.join(',')})`).join('; ')}`);
  if (b.comparison) printAnalysis('boundary', b.comparison, b.inventory);
}
if (results.osInventories?.runs) {
  const o = results.osInventories;
  log(`\nOS inventories (dpkg status as --rootfs; Palisade only — osv-scanner reads them in image mode only)${o.debianFeed ? `; Debian tracker feed: ${o.debianFeed.debianRecords} Debian records` : ''}:`);
  const labels = Object.keys(o.runs);
  const dirs = [...new Set(labels.flatMap((l) => Object.keys(o.runs[l].perStatus)))].sort();
  log(table([['status', 'packages', ...labels.flatMap((l) => [`${l}: vuln pkgs`, 'findings'])], ...dirs.map((d) => [d, o.runs[labels[0]].perStatus[d]?.packages ?? '—', ...labels.flatMap((l) => [o.runs[l].perStatus[d]?.vulnerablePackages ?? '—', o.runs[l].perStatus[d]?.findings ?? '—'])])]));
  for (const l of labels) log(`  ${l}: best ${fmt(o.runs[l].bestS)} s, cpu ${fmt(o.runs[l].cpuS)} s, peak RSS ${fmt(o.runs[l].peakRssMb, 0)} MB, exit ${o.runs[l].exitCodes.join(',')}`);
}
if (results.perFile) {
  const files = results.perFile.files;
  // The 10 slowest for Palisade (best wall), then the three large lockfiles.
  const pick = [...files].sort((a, b) => (b.palisade?.wallS ?? b['osv-scanner']?.wallS ?? 0) - (a.palisade?.wallS ?? a['osv-scanner']?.wallS ?? 0)).slice(0, 10);
  for (const l of LARGE) {
    const f = files.find((x) => x.path === l);
    if (f && !pick.includes(f)) pick.push(f);
  }
  results.perFile.table = pick.map((f) => f.path);
  const b = results.perFile.baseline;
  log(`\nper lockfile (one file per process, best of ${results.perFile.runs}; "net" = minus the empty-directory scan: palisade ${fmt(b.palisade?.wallS)} s, osv-scanner ${fmt(b['osv-scanner']?.wallS)} s): the 10 slowest and the large ones`);
  log(
    table([
      ['lockfile', 'KB', 'pkgs P/O', 'palisade wall', 'net', 'cpu', 'RSS MB', 'osv-scanner wall', 'net', 'cpu', 'RSS MB'],
      ...pick.map((f) => [
        f.path,
        (f.bytes / 1024).toFixed(0),
        `${f.palisadePackages ?? '—'}/${f.osvScannerPackages ?? '—'}`,
        fmt(f.palisade?.wallS),
        fmt(f.palisade?.netS),
        fmt(f.palisade?.cpuS),
        fmt(f.palisade?.rssMb, 0),
        fmt(f['osv-scanner']?.wallS),
        fmt(f['osv-scanner']?.netS),
        fmt(f['osv-scanner']?.cpuS),
        fmt(f['osv-scanner']?.rssMb, 0),
      ]),
    ]),
  );
  const tt = results.perFile.totals;
  for (const t of ['palisade', 'osv-scanner'])
    if (tt[t]) log(`  ${t}: ${tt[t].files} lockfiles, one process each: wall ${fmt(tt[t].wallS)} s in all (net ${fmt(tt[t].netS)} s), cpu ${fmt(tt[t].cpuS)} s, largest RSS ${fmt(tt[t].maxRssMb, 0)} MB`);
  if (tt.bothRan) log(`  Palisade faster (wall) on ${tt.palisadeFasterWall} of ${tt.bothRan} lockfiles both read`);
}
if (results.image) {
  const im = results.image;
  log(im.available ? `\nimage (Palisade): ${im.npmPackages} npm package.json + dpkg status, ${(im.compressedBytes / 1e6).toFixed(1)} MB: best ${fmt(im.bestS)} s, cpu ${fmt(im.cpuS)} s, peak RSS ${fmt(im.peakRssMb, 0)} MB, exit ${im.exitCodes?.join(',')}; inventory ${im.inventory ?? '—'}, vuln findings ${im.vulnFindings ?? '—'}` : `\nimage: skipped — ${im.reason}`);
}
for (const [name, t] of Object.entries(T)) if (t.available && t.ok === false) log(`\n${name} failed (exit ${t.exitCodes.join(',')}):\n${t.stderrTail ?? ''}`);
results.machine.loadavgAtEnd = loadavg().map((l) => +l.toFixed(2));
log(`\nload average ${machine.loadavgAtStart.join(' ')} at start, ${results.machine.loadavgAtEnd.join(' ')} at end, on ${machine.nproc} cores`);
writeFileSync(join(vulnOut, 'results.json'), JSON.stringify(results, null, 2) + '\n');
log(`results: ${rel(join(vulnOut, 'results.json'))}${results.comparison ? `; differences: ${rel(join(vulnOut, 'disagreements.json'))}; inventories: ${rel(join(vulnOut, 'inventory-diff.json'))}` : ''}`);
