#!/usr/bin/env node
// Secret-scanning benchmark: Palisade (`--scanners secrets`) against gitleaks, on a planted tree and on the corpus.
//
//   bash bench/peers/install-gitleaks.sh && npm run build && node bench/secrets.mjs [--runs N] [--corpus DIR] [--no-peers]
//
// (a) Planted tree (bench/planted.mjs, regenerated on each run from the rules' own examples): recall = the fraction of
//     planted secrets a tool reports in the right file on the right line (Palisade: with the right rule as well);
//     decoy FPs = findings on the decoy files (the rules' negative examples: placeholders, truncated keys, prose).
// (b) The whole shared corpus (default: ../shared/corpus): wall time, peak RSS, findings per rule, and the spots
//     where the tools disagree.
// Timing: best of --runs (default 3), or one run when a run takes more than 60 s; peak RSS via /usr/bin/time -v.
// gitleaks runs with --redact, and its Secret/Match fields are dropped from everything this script saves or prints.
// Writes bench/.out/secrets-results.json (figures), bench/.out/secrets-corpus.json (every corpus finding of both
// tools: file, line, rule) and the raw reports bench/.out/secrets-{palisade,gitleaks}-{planted,corpus}.json.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { bestOf, defaultCorpus, findPeer, outDir, readJson, repoRoot, rssMethod } from './lib.mjs';
import { generatePlanted } from './planted.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', '3'));
const SLOW_MS = 60_000;
const corpus = resolve(opt('--corpus', dirname(defaultCorpus)));
const noPeers = argv.includes('--no-peers');
/**
 * Lines of slack when matching a gitleaks finding to a line: its StartLine is where its match starts, which for some
 * rules could be the line break before the secret. Measured 0 difference on the planted tree with 8.30.1, so strict.
 */
const GITLEAKS_LINE_SLACK = 0;
mkdirSync(outDir, { recursive: true });

// ---- tools ------------------------------------------------------------------------------------------------------
const palisadeBin = join(repoRoot, 'bin', 'palisade.js');
const gitleaksBin = noPeers ? null : findPeer('gitleaks');
const firstLine = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] ?? '';
};
const tools = {
  palisade: {
    available: existsSync(palisadeBin),
    version: existsSync(palisadeBin) ? firstLine(process.execPath, [palisadeBin, '--version']) : null,
    okCodes: [0, 1, 3], // 3: some file could not be read or parsed (expected on a real-world corpus)
    run: (target, report) => [process.execPath, [palisadeBin, 'scan', target, '--scanners', 'secrets', '--format', `json=${report}`, '--fail-on', 'none']],
    show: (target, report) => `node bin/palisade.js scan ${target} --scanners secrets --format json=${report} --fail-on none`,
    /** Findings as { file (absolute), line, endLine, rule }. */
    parse: (report) =>
      (readJson(report).findings ?? [])
        .filter((f) => f.category === 'secrets' || /^PAL-SEC-/.test(f.checkId))
        .map((f) => ({ file: resolve(repoRoot, f.location.path), line: f.location.startLine, endLine: f.location.endLine ?? f.location.startLine, rule: f.checkId, slug: f.slug })),
  },
  gitleaks: (() => {
    if (!gitleaksBin) return { available: false };
    // gitleaks ≥ 8.19 has `dir`; older v8 scans a plain directory with `detect --no-git --source`.
    const hasDir = spawnSync(gitleaksBin, ['dir', '--help'], { encoding: 'utf8' }).status === 0;
    const common = ['--no-banner', '--report-format', 'json', '--exit-code', '0', '--redact', '--log-level', 'error'];
    const args = (target, report) => (hasDir ? ['dir', target, ...common, '--report-path', report] : ['detect', '--no-git', '--source', target, ...common, '--report-path', report]);
    return {
      available: true,
      version: firstLine(gitleaksBin, ['version']),
      okCodes: [0],
      run: (target, report) => [gitleaksBin, args(target, report)],
      show: (target, report) => `${relative(repoRoot, gitleaksBin)} ${args(target, report).join(' ')}`,
      parse: (report) => {
        const raw = readJson(report);
        // Drop the secret-bearing fields and rewrite the raw report without them.
        const clean = raw.map(({ Secret: _s, Match: _m, Line: _l, ...rest }) => rest);
        writeFileSync(report, JSON.stringify(clean, null, 1) + '\n');
        return clean.map((f) => ({ file: resolve(repoRoot, f.File), line: f.StartLine, endLine: f.EndLine ?? f.StartLine, rule: f.RuleID }));
      },
    };
  })(),
};

async function measureTool(name, target, label) {
  const t = tools[name];
  const report = join(outDir, `secrets-${name}-${label}.json`);
  const [cmd, args] = t.run(target, report);
  console.error(`${name} on ${label}: ${t.show(target, relative(repoRoot, report))}`);
  const m = await bestOf(RUNS, cmd, args, {}, { okCodes: t.okCodes, slowMs: SLOW_MS, label: `${name}/${label}` });
  let findings = null;
  try {
    findings = t.parse(report);
  } catch (e) {
    console.error(`${name}: could not read ${report}: ${e.message}`);
  }
  return { command: t.show(target, relative(repoRoot, report)), ...m, report: relative(repoRoot, report), findings };
}

const fmt = (v, d = 2) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '—');
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
const overlaps = (f, line, endLine, slack) => f.line - slack <= endLine && f.endLine >= line;

// ---- (a) planted tree -------------------------------------------------------------------------------------------
const plantedDir = join(outDir, 'planted');
const planted = await generatePlanted(plantedDir);
const tree = planted.tree;
console.error(`planted: ${planted.truth.length} secrets, ${planted.decoyFiles.length} decoy files in ${relative(repoRoot, tree)}`);
for (const p of planted.problems) console.error(`  warning: ${p}`);

const results = { date: new Date().toISOString(), loadavgAtStart: loadavg().map((l) => +l.toFixed(2)), nproc: cpus().length, rssMethod, runs: RUNS, gitleaksLineSlack: GITLEAKS_LINE_SLACK, planted: {}, corpus: { path: corpus }, tools: {} };
const variants = [...new Set(planted.truth.map((t) => t.variant))];

for (const name of Object.keys(tools)) {
  const t = tools[name];
  if (!t.available) {
    console.error(`${name}: not available${name === 'gitleaks' ? ' (run bash bench/peers/install-gitleaks.sh)' : ' (run npm run build)'} — skipped`);
    results.tools[name] = { available: false };
    continue;
  }
  results.tools[name] = { available: true, version: t.version };
  const m = await measureTool(name, tree, 'planted');
  const fs = (m.findings ?? []).map((f) => ({ ...f, rel: relative(tree, f.file) }));
  const byFile = new Map();
  for (const f of fs) byFile.set(f.rel, [...(byFile.get(f.rel) ?? []), f]);
  const used = new Set();
  const perVariant = Object.fromEntries(variants.map((v) => [v, { planted: 0, found: 0, foundAnyRule: 0 }]));
  const perRule = {};
  const misses = [];
  let found = 0;
  let foundAnyRule = 0;
  let foundSameRule = 0;
  for (const tr of planted.truth) {
    const here = byFile.get(tr.file) ?? [];
    const slack = name === 'gitleaks' ? GITLEAKS_LINE_SLACK : 0;
    const atLine = here.filter((f) => overlaps(f, tr.line, tr.endLine, slack));
    // Palisade: the right rule on the right line. gitleaks: any rule on the right line (its rules differ from ours);
    // "same rule" = one of the gitleaks rules the Palisade rule lists as its peer.
    const hit = name === 'palisade' ? atLine.filter((f) => f.rule === tr.ruleId) : atLine;
    const sameRule = name === 'palisade' ? hit : atLine.filter((f) => (planted.peers[tr.ruleId] ?? []).includes(f.rule));
    for (const f of atLine) used.add(f);
    const pv = perVariant[tr.variant];
    pv.planted++;
    const pr = (perRule[tr.slug] ??= { planted: 0, found: 0 });
    pr.planted++;
    if (atLine.length) {
      foundAnyRule++;
      pv.foundAnyRule++;
    }
    if (sameRule.length) foundSameRule++;
    if (hit.length) {
      found++;
      pv.found++;
      pr.found++;
    } else misses.push({ file: tr.file, line: tr.line, rule: tr.slug, variant: tr.variant, reportedAs: atLine.map((f) => f.slug ?? f.rule) });
  }
  // A decoy is a negative example of one rule (its slug is the second path segment). "Own rule": the finding is that
  // very rule (Palisade) or one of its gitleaks peers — the near miss the example was written to test. Other rules
  // firing on a decoy are counted too: e.g. a truncated provider token in FOO_TOKEN=... is still secret-shaped.
  const slugToId = Object.fromEntries(planted.truth.map((t) => [t.slug, t.ruleId]));
  // The fairer comparison: only the planted secrets of rules that name a gitleaks peer (a kind of secret both cover).
  const withPeer = planted.truth.filter((tr) => (planted.peers[tr.ruleId] ?? []).length > 0);
  const missed = new Set(misses.map((x) => `${x.file}:${x.line}`));
  const foundWithPeer = withPeer.filter((tr) => !missed.has(`${tr.file}:${tr.line}`)).length;
  const decoyFindings = fs
    .filter((f) => f.rel.startsWith('decoys/'))
    .map((f) => {
      const [, decoyOf, example] = f.rel.split('/');
      const own = name === 'palisade' ? f.rule === slugToId[decoyOf] : (planted.peers[slugToId[decoyOf]] ?? []).includes(f.rule);
      return { file: f.rel, line: f.line, rule: f.slug ?? f.rule, decoyOf, example: Number(example), ownRule: own };
    });
  const negatives = new Set(planted.decoyFiles.map((d) => `${d.slug}/${d.example}`));
  const flagged = new Set(decoyFindings.map((d) => `${d.decoyOf}/${d.example}`));
  const flaggedOwn = new Set(decoyFindings.filter((d) => d.ownRule).map((d) => `${d.decoyOf}/${d.example}`));
  const otherOnPlanted = fs.filter((f) => f.rel.startsWith('secrets/') && !used.has(f)).map((f) => ({ file: f.rel, line: f.line, rule: f.slug ?? f.rule }));
  results.planted[name] = {
    ...m,
    findings: fs.length,
    planted: planted.truth.length,
    found,
    recall: found / planted.truth.length,
    foundAnyRule,
    foundSameRule,
    plantedWithGitleaksPeer: withPeer.length,
    foundWithGitleaksPeer: foundWithPeer,
    perVariant,
    perRule,
    misses,
    decoyFiles: planted.decoyFiles.length,
    decoyFPs: decoyFindings.length,
    decoyFPsOwnRule: decoyFindings.filter((d) => d.ownRule).length,
    negativeExamples: negatives.size,
    negativesFlagged: flagged.size,
    negativesFlaggedOwnRule: flaggedOwn.size,
    decoyFPsByRule: countBy(decoyFindings, (f) => f.rule),
    decoyFPsOwnRuleByRule: countBy(decoyFindings.filter((d) => d.ownRule), (f) => f.rule),
    decoyFindings,
    otherFindingsOnPlantedFiles: otherOnPlanted.length,
    otherOnPlanted,
  };
}

function countBy(xs, key) {
  const out = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

// ---- (b) corpus -------------------------------------------------------------------------------------------------
const corpusFindings = {};
if (!existsSync(corpus)) console.error(`corpus not found: ${corpus} — skipped`);
else
  for (const name of Object.keys(tools)) {
    if (!tools[name].available) continue;
    const m = await measureTool(name, corpus, 'corpus');
    corpusFindings[name] = (m.findings ?? []).map((f) => ({ file: relative(corpus, f.file), line: f.line, endLine: f.endLine, rule: f.slug ?? f.rule }));
    results.corpus[name] = { ...m, findings: corpusFindings[name].length, byRule: countBy(corpusFindings[name], (f) => f.rule) };
  }

// Disagreements: a finding of one tool with no finding of the other on the same file and line.
const disagreements = {};
if (corpusFindings.palisade && corpusFindings.gitleaks) {
  const index = (xs) => {
    const m = new Map();
    for (const x of xs) m.set(x.file, [...(m.get(x.file) ?? []), x]);
    return m;
  };
  const P = index(corpusFindings.palisade);
  const G = index(corpusFindings.gitleaks);
  disagreements.palisadeOnly = corpusFindings.palisade.filter((p) => !(G.get(p.file) ?? []).some((g) => overlaps(g, p.line, p.endLine, GITLEAKS_LINE_SLACK)));
  disagreements.gitleaksOnly = corpusFindings.gitleaks.filter((g) => !(P.get(g.file) ?? []).some((p) => overlaps(g, p.line, p.endLine, GITLEAKS_LINE_SLACK)));
  disagreements.both = corpusFindings.palisade.length - disagreements.palisadeOnly.length;
}
writeFileSync(
  join(outDir, 'secrets-corpus.json'),
  JSON.stringify({ corpus, date: results.date, note: 'file, line, rule only: no secret text', findings: corpusFindings, disagreements }, null, 1) + '\n',
);

// ---- report -----------------------------------------------------------------------------------------------------
const rows = [['tool', 'version', 'planted wall s', 'planted RSS MB', 'corpus wall s', 'corpus cpu s', 'corpus RSS MB', 'runs', 'planted recall', 'decoy FPs own rule / any rule', 'corpus findings']];
for (const [name, t] of Object.entries(results.tools)) {
  if (!t.available) {
    rows.push([name, 'n/a', 'not available', '', '', '', '', '', '', '', '']);
    continue;
  }
  const p = results.planted[name];
  const c = results.corpus[name];
  rows.push([
    name,
    t.version,
    fmt(p?.bestS),
    fmt(p?.peakRssMb, 0),
    fmt(c?.bestS),
    fmt(c?.cpuS),
    fmt(c?.peakRssMb, 0),
    `${p?.runs ?? '—'}/${c?.runs ?? '—'}`,
    p ? `${p.found}/${p.planted} (${pct(p.found, p.planted)})` : '—',
    p ? `${p.decoyFPsOwnRule} / ${p.decoyFPs}` : '—',
    c ? String(c.findings) : '—',
  ]);
}
console.log(`\nSecret scanning — planted tree: ${planted.truth.length} secrets from ${planted.rules} rules, ${planted.decoyFiles.length} decoy files; corpus: ${corpus}`);
console.log(table(rows));
console.log('\nrecall: Palisade = right file, line and rule; gitleaks = right file and line, any rule. "same rule" for gitleaks = a rule the Palisade rule names as its gitleaks peer.');
for (const [name, p] of Object.entries(results.planted)) {
  console.log(`  ${name}: on the ${p.plantedWithGitleaksPeer} secrets of rules with a gitleaks peer: ${p.foundWithGitleaksPeer} (${pct(p.foundWithGitleaksPeer, p.plantedWithGitleaksPeer)})`);
  console.log(
    `  ${name}: right line, any rule ${p.foundAnyRule}/${p.planted} (${pct(p.foundAnyRule, p.planted)}); ${name === 'gitleaks' ? `peer rule ${p.foundSameRule}/${p.planted} (${pct(p.foundSameRule, p.planted)}); ` : ''}other findings on planted files: ${p.otherFindingsOnPlantedFiles}`,
  );
}

const vrows = [['variant', 'planted', ...Object.keys(results.planted).map((n) => `${n} recall`)]];
for (const v of variants) vrows.push([v, String(results.planted[Object.keys(results.planted)[0]]?.perVariant[v].planted ?? ''), ...Object.values(results.planted).map((p) => `${p.perVariant[v].found} (${pct(p.perVariant[v].found, p.perVariant[v].planted)})`)]);
console.log('\nRecall by variant');
console.log(table(vrows));

for (const [name, p] of Object.entries(results.planted)) {
  const missedRules = Object.entries(p.perRule).filter(([, r]) => r.found < r.planted);
  console.log(`\n${name}: rules with misses (${missedRules.length} of ${Object.keys(p.perRule).length}): ${missedRules.map(([s, r]) => `${s} ${r.found}/${r.planted}`).join(', ') || 'none'}`);
  console.log(
    `${name}: decoys: ${p.decoyFPs} findings on ${p.decoyFiles} decoy files (${p.decoyFPsOwnRule} by the decoy's own rule${name === 'gitleaks' ? ' (its gitleaks peers)' : ''}); negative examples flagged: ${p.negativesFlagged} of ${p.negativeExamples} (own rule: ${p.negativesFlaggedOwnRule})`,
  );
  console.log(`${name}: decoy findings by rule: ${Object.entries(p.decoyFPsByRule).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`);
  console.log(`${name}: own-rule decoy FPs: ${Object.entries(p.decoyFPsOwnRuleByRule).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`);
}

for (const [name, c] of Object.entries(results.corpus)) {
  if (name === 'path') continue;
  console.log(`\ncorpus, ${name}: ${c.findings} findings — ${Object.entries(c.byRule).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`);
}
if (disagreements.palisadeOnly) {
  console.log(`\ncorpus agreement: ${disagreements.both} Palisade findings also reported by gitleaks on the same line; Palisade only ${disagreements.palisadeOnly.length}, gitleaks only ${disagreements.gitleaksOnly.length}`);
  for (const [label, xs] of [
    ['Palisade only', disagreements.palisadeOnly],
    ['gitleaks only', disagreements.gitleaksOnly],
  ]) {
    console.log(`\n${label} (${xs.length}; by rule: ${Object.entries(countBy(xs, (x) => x.rule)).map(([r, n]) => `${r} ${n}`).join(', ')}), first 20:`);
    for (const x of xs.slice(0, 20)) console.log(`  ${x.file}:${x.line}  ${x.rule}`);
  }
}

results.loadavgAtEnd = loadavg().map((l) => +l.toFixed(2));
console.log(`\nload average ${results.loadavgAtStart.join(' ')} at start, ${results.loadavgAtEnd.join(' ')} at end, on ${results.nproc} cores (other work inflates wall times; cpu s less so)`);
// Slim copies in the results file (the lists stay in secrets-corpus.json and the per-tool reports).
for (const p of Object.values(results.planted)) p.misses = p.misses.slice(0, 200);
writeFileSync(join(outDir, 'secrets-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nresults: ${relative(repoRoot, join(outDir, 'secrets-results.json'))}; corpus findings: ${relative(repoRoot, join(outDir, 'secrets-corpus.json'))}; truth: ${relative(repoRoot, join(plantedDir, 'truth.json'))}`);
