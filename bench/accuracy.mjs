#!/usr/bin/env node
// Verdict comparison between Palisade and its peers on the same corpus, per concept.
//
//   node bench/accuracy.mjs [corpus]      (reads the reports bench/run.mjs left in bench/.out/)
//
// A concept is a Palisade check that declares a peer rule (finding.peers / the check catalog's meta.peers).
// For each peer and concept, every (file, kind, name) that either tool flags is counted as
//   agree          both flag it
//   palisade-only  Palisade flags it, the peer does not
//   peer-only      the peer flags it (with a rule mapped to this concept), Palisade does not
// Namespace is left out of the key: Checkov writes "default" for an unset namespace, Palisade '' and
// kube-linter ''; kind + name + file is unique in practice. Suppressed Palisade findings are not counted.
// Writes bench/.out/accuracy.json (all counts) and bench/.out/disagreements.json (≤5 examples per concept and side).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultCorpus, outDir as defaultOutDir, readJson, repoRoot } from './lib.mjs';

const EXAMPLES = 5;

const normId = {
  checkov: (id) => id.toUpperCase(),
  // KSV017, KSV-0017 and AVD-KSV-0017 are the same rule.
  trivy: (id) => {
    const m = /KSV-?0*(\d+)/i.exec(id);
    return m ? `KSV${m[1].padStart(3, '0')}` : id;
  },
  'kube-linter': (id) => id,
  polaris: (id) => id,
};

/** Line → document (kind/name) lookup for peers that report only a line (Trivy). */
function makeDocIndex(corpus) {
  const req = createRequire(join(repoRoot, 'package.json'));
  let YAML = null;
  try {
    YAML = req('yaml');
  } catch {
    /* without yaml only single-document files resolve */
  }
  const cache = new Map();
  return (absFile) => {
    if (cache.has(absFile)) return cache.get(absFile);
    const docs = [];
    try {
      const text = readFileSync(absFile, 'utf8');
      if (YAML) {
        const lc = new YAML.LineCounter();
        for (const d of YAML.parseAllDocuments(text, { lineCounter: lc, version: '1.1', uniqueKeys: false, logLevel: 'error' })) {
          let v = null;
          try {
            v = d.toJS({ maxAliasCount: 1000 });
          } catch {
            /* broken document */
          }
          const start = lc.linePos(d.range[0]).line;
          const end = lc.linePos(d.range[2]).line;
          if (v && typeof v === 'object' && typeof v.kind === 'string')
            docs.push({ start, end, kind: v.kind, name: String(v.metadata?.name ?? ''), namespace: String(v.metadata?.namespace ?? '') });
        }
      }
    } catch {
      /* unreadable */
    }
    void corpus;
    cache.set(absFile, docs);
    return docs;
  };
}

/** Peer report → [{ id, file (absolute), kind, name, namespace, line, message }] */
const adapters = {
  'kube-linter': (report, corpus) =>
    (report.Reports ?? []).map((r) => {
      const o = r.Object?.K8sObject ?? {};
      const fp = r.Object?.Metadata?.FilePath ?? '';
      return {
        id: r.Check,
        file: isAbsolute(fp) ? fp : resolve(corpus, fp),
        kind: o.GroupVersionKind?.Kind ?? '',
        name: o.Name ?? '',
        namespace: o.Namespace ?? '',
        line: null,
        message: r.Diagnostic?.Message ?? '',
      };
    }),
  checkov: (report) => {
    const parts = (Array.isArray(report) ? report : [report]).filter((p) => !p.check_type || p.check_type === 'kubernetes');
    return parts.flatMap((p) =>
      (p.results?.failed_checks ?? []).map((c) => {
        // "Kind.namespace.name"; names may contain dots, kinds and namespaces do not.
        const [kind, namespace, ...rest] = String(c.resource ?? '').split('.');
        return {
          id: c.check_id,
          file: c.file_abs_path ?? c.file_path,
          kind: kind ?? '',
          name: rest.join('.'),
          namespace: namespace === 'default' ? '' : (namespace ?? ''),
          line: c.file_line_range?.[0] ?? null,
          message: c.check_name ?? '',
        };
      }),
    );
  },
  trivy: (report, corpus, docIndex) =>
    (report.Results ?? []).flatMap((res) => {
      const file = isAbsolute(res.Target) ? res.Target : resolve(corpus, res.Target);
      return (res.Misconfigurations ?? [])
        .filter((m) => (m.Status ?? 'FAIL') === 'FAIL')
        .map((m) => {
          const line = m.CauseMetadata?.StartLine || null;
          const docs = docIndex(file);
          // By line; else the only document; else the "<kind> '<name>'" that Trivy's messages name.
          let doc = (line ? docs.find((d) => line >= d.start && line <= d.end) : null) ?? (docs.length === 1 ? docs[0] : null);
          if (!doc) {
            const msg = (m.Message ?? '').toLowerCase();
            const named = docs.filter((d) => d.name && new RegExp(`\\b${d.kind.toLowerCase()}\\s+['"]?${d.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?(\\s|$)`).test(msg));
            if (named.length === 1) doc = named[0];
          }
          return {
            id: m.ID ?? m.AVDID,
            file,
            kind: doc?.kind ?? '?',
            name: doc?.name ?? '?',
            namespace: doc?.namespace ?? '',
            line,
            message: m.Message ?? m.Title ?? '',
          };
        });
    }),
};

/** Peer rule → Palisade concepts, from the findings' `peers` and, when built, the check catalog. */
async function peerMap(report) {
  const map = {}; // tool -> normalizedId -> Map(checkId -> {checkId, slug, match})
  const add = (checkId, slug, p) => {
    if (!normId[p.tool]) return;
    const id = normId[p.tool](p.id);
    ((map[p.tool] ??= {})[id] ??= new Map()).set(checkId, { checkId, slug, match: p.match });
  };
  for (const f of report.findings ?? []) for (const p of f.peers ?? []) add(f.checkId, f.slug, p);
  const catalog = join(process.env.PALISADE_DIST ?? join(repoRoot, 'dist'), 'checks', 'index.js');
  if (existsSync(catalog)) {
    try {
      const { BUILTIN_CHECKS } = await import(pathToFileURL(catalog).href);
      for (const c of BUILTIN_CHECKS ?? []) for (const p of c.meta?.peers ?? []) add(c.meta.id, c.meta.slug, p);
    } catch (e) {
      console.error(`accuracy: could not load the check catalog (${e.message}); using finding.peers only`);
    }
  }
  return map;
}

export async function runAccuracy({ corpus = defaultCorpus, outDir = defaultOutDir, quiet = false } = {}) {
  corpus = resolve(corpus);
  const palPath = join(outDir, 'palisade.json');
  if (!existsSync(palPath)) {
    console.error(`accuracy: ${palPath} not found (run node bench/run.mjs first)`);
    return null;
  }
  const report = readJson(palPath);
  const map = await peerMap(report);
  const rel = (f) => relative(corpus, isAbsolute(f) ? f : resolve(repoRoot, f)).split('\\').join('/');
  const key = (file, kind, name) => `${rel(file)}|${kind}|${name}`;

  // Palisade verdicts per concept: key -> first finding.
  const pal = new Map(); // checkId -> Map(key -> finding)
  let suppressed = 0;
  for (const f of report.findings ?? []) {
    if (f.suppressed) {
      suppressed++;
      continue;
    }
    const k = key(f.location?.path ?? '', f.resource?.kind ?? '', f.resource?.name ?? '');
    const m = pal.get(f.checkId) ?? new Map();
    if (!m.has(k)) m.set(k, f);
    pal.set(f.checkId, m);
  }
  // Files Palisade reported parse errors for: peer-only verdicts there may just be unparsed input.
  const fileErrors = new Set((report.targets ?? []).filter((t) => (t.errors ?? []).length > 0).map((t) => rel(t.path)));
  const slugOf = new Map((report.findings ?? []).map((f) => [f.checkId, f.slug]));

  const docIndex = makeDocIndex(corpus);
  const out = { corpus, generated: new Date().toISOString(), suppressedPalisadeFindings: suppressed, palisadeFilesWithErrors: fileErrors.size, peers: {} };
  const disagreements = {};
  for (const tool of Object.keys(adapters)) {
    const p = join(outDir, `${tool}.json`);
    if (!existsSync(p)) continue;
    let peerReport;
    try {
      peerReport = readJson(p);
    } catch (e) {
      out.peers[tool] = { error: `unreadable report: ${e.message}` };
      continue;
    }
    const items = adapters[tool](peerReport, corpus, docIndex);
    const toolMap = map[tool] ?? {};
    const concepts = new Map(); // checkId -> {slug, match, peerIds:Set, peer: Map(key -> item)}
    for (const [pid, checks] of Object.entries(toolMap))
      for (const c of checks.values()) {
        const e = concepts.get(c.checkId) ?? { slug: c.slug ?? slugOf.get(c.checkId), match: c.match, peerIds: new Set(), peer: new Map() };
        e.peerIds.add(pid);
        if (c.match === 'partial') e.match = 'partial';
        concepts.set(c.checkId, e);
      }
    let unmapped = 0;
    const unmappedIds = new Map();
    for (const it of items) {
      const checks = toolMap[normId[tool](String(it.id))];
      if (!checks) {
        unmapped++;
        unmappedIds.set(it.id, (unmappedIds.get(it.id) ?? 0) + 1);
        continue;
      }
      for (const c of checks.values()) {
        const k = key(it.file, it.kind, it.name);
        const e = concepts.get(c.checkId);
        if (!e.peer.has(k)) e.peer.set(k, it);
      }
    }
    const rows = [];
    disagreements[tool] = {};
    for (const [checkId, e] of [...concepts].sort()) {
      const palSet = pal.get(checkId) ?? new Map();
      let agree = 0;
      const palOnly = [];
      const peerOnly = [];
      for (const [k, f] of palSet) {
        if (e.peer.has(k)) agree++;
        else palOnly.push({ key: k, file: rel(f.location.path), line: f.location.startLine, kind: f.resource.kind, namespace: f.resource.namespace, name: f.resource.name, palisade: f.message });
      }
      for (const [k, it] of e.peer)
        if (!palSet.has(k)) peerOnly.push({ key: k, file: rel(it.file), line: it.line, kind: it.kind, namespace: it.namespace, name: it.name, peerRule: it.id, peer: it.message, ...(fileErrors.has(rel(it.file)) ? { palisadeFileError: true } : {}) });
      rows.push({ checkId, slug: e.slug, peerIds: [...e.peerIds], match: e.match, agree, palisadeOnly: palOnly.length, peerOnly: peerOnly.length });
      if (palOnly.length || peerOnly.length)
        disagreements[tool][checkId] = { slug: e.slug, peerIds: [...e.peerIds], palisadeOnly: palOnly.slice(0, EXAMPLES), peerOnly: peerOnly.slice(0, EXAMPLES) };
    }
    out.peers[tool] = {
      findings: items.length,
      unmappedFindings: unmapped,
      /** Peer findings whose resource could not be told (Trivy: no line and no kind/name in the message). */
      unresolvedResource: items.filter((i) => i.kind === '?').length,
      topUnmappedRules: [...unmappedIds].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([id, n]) => ({ id, n })),
      concepts: rows,
    };
  }
  writeFileSync(join(outDir, 'accuracy.json'), JSON.stringify(out, null, 2) + '\n');
  writeFileSync(join(outDir, 'disagreements.json'), JSON.stringify(disagreements, null, 2) + '\n');

  if (!quiet) {
    for (const [tool, r] of Object.entries(out.peers)) {
      console.log(`\nAccuracy vs ${tool}: ${r.error ?? `${r.findings} peer findings, ${r.unmappedFindings} on rules with no Palisade concept`}`);
      if (!r.concepts) continue;
      if (r.concepts.length === 0) {
        console.log('  (no Palisade check declares a peer rule of this tool yet)');
        continue;
      }
      const rows = [['concept', 'slug', 'peer rule(s)', 'match', 'agree', 'palisade-only', 'peer-only']];
      for (const c of r.concepts) rows.push([c.checkId, c.slug ?? '', c.peerIds.join(','), c.match, c.agree, c.palisadeOnly, c.peerOnly]);
      const w = rows[0].map((_, i) => Math.max(...rows.map((x) => String(x[i]).length)));
      for (const [i, x] of rows.entries()) {
        console.log('  ' + x.map((c, j) => String(c).padEnd(w[j])).join('  '));
        if (i === 0) console.log('  ' + w.map((n) => '-'.repeat(n)).join('  '));
      }
    }
    console.log(`\naccuracy: ${join(outDir, 'accuracy.json')}; disagreement examples: ${join(outDir, 'disagreements.json')}`);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runAccuracy({ corpus: process.argv[2] ?? defaultCorpus });
}
