import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath, sep } from 'node:path';
import { toJsonPointer, type ConfigObject, type JsonPatchOperation } from '../core/config-object.js';
import type { Finding } from '../core/finding.js';
import type { Report, Target } from '../core/report.js';
import { severityRank, type Severity } from '../core/severity.js';
import { extractObjects, parseYamlDocuments } from '../parsers/k8s-yaml/index.js';
import { scheduleFixes } from '../checks/_lib/fix.js';
import type { ConfigIssue } from '../policy/located.js';
import { scan, type ScanOptions } from './scan.js';
import { patchYamlDocument, splitDocuments } from './yaml-patch.js';

/**
 * `palisade fix`, the engine side: scan, write each finding's JSON Patch into the YAML document it came from, scan the
 * edited text again (a fix can reveal or settle other findings), at most `MAX_ROUNDS` times. Nothing is written here:
 * the caller gets the new file contents and decides (write, or print a diff).
 */

export const MAX_ROUNDS = 3;

export interface FixOptions extends Omit<ScanOptions, 'scanners' | 'overlay'> {
  /** Only apply the fixes of these check IDs (all fixable checks when absent). */
  onlyChecks?: ReadonlySet<string>;
}

export interface FixedFinding {
  fingerprint: string;
  file: string;
  line: number;
  checkId: string;
  slug: string;
  /** `Kind/name` (with the namespace when set: `Kind/ns/name`). */
  object: string;
  /** What the fix did (the check's own description). */
  description: string;
  /** The scan round that found it (1 for the first scan; later rounds see the text earlier rounds edited). */
  round: number;
}

export interface UnfixedFinding {
  file: string;
  line: number;
  checkId: string;
  slug: string;
  object: string;
  reason: string;
}

export interface ChangedFile {
  abs: string;
  display: string;
  before: string;
  after: string;
}

export interface FixSuccess {
  ok: true;
  files: ChangedFile[];
  applied: FixedFinding[];
  /** Findings whose check has a fix that could not be applied here, with the reason. */
  notApplied: UnfixedFinding[];
  /** Fixable findings that went away with other fixes (two findings, one change; a field another fix set). */
  settled: number;
  /** Rounds that changed something (each is a scan followed by edits; a last scan reads the result). */
  rounds: number;
  /** The scan of the fixed contents: what remains. */
  report: Report;
  failOn: Severity | 'none';
}

export type FixOutcome = FixSuccess | { ok: false; issues: ConfigIssue[] };

const objectLabel = (f: Finding): string => `${f.resource.kind}/${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}`;

/** True when `abs` lies in a Helm chart's `templates/` (or `charts/`): Go templates, not manifests, live there. */
function inHelmChart(abs: string, cache: Map<string, boolean>): boolean {
  let dir = dirname(abs);
  for (let i = 0; i < 64; i++) {
    const parent = dirname(dir);
    let chart = cache.get(dir);
    if (chart === undefined) {
      chart = existsSync(join(dir, 'Chart.yaml'));
      cache.set(dir, chart);
    }
    if (chart) {
      const first = relative(dir, abs).split(sep)[0];
      if (first === 'templates' || first === 'charts') return true;
    }
    if (parent === dir) return false;
    dir = parent;
  }
  return false;
}

/** Why a file's findings cannot be fixed in place, or undefined when it is a plain YAML/JSON manifest we can edit. */
function refusal(targets: ReadonlyMap<string, Target>, display: string, abs: string, helmCache: Map<string, boolean>): string | undefined {
  if (display === '<stdin>') return 'input from stdin cannot be fixed in place; run fix on the file';
  const target = targets.get(display);
  // Findings of a rendered chart or overlay are reported at templates, bases and patches, which are not targets themselves.
  if (!target) return 'found in the output of a Helm chart or Kustomize overlay: change the template, values or patch instead';
  if (target.kind === 'compose') return 'compose files are not fixed automatically yet (their findings are on the merged, interpolated model); edit them by hand';
  if (target.kind === 'helm') return 'rendered from a Helm chart: change the chart templates or values instead';
  if (target.kind === 'kustomize') return 'built by Kustomize: change the base or add a patch in the overlay instead';
  if (target.kind !== 'kubernetes') return `${target.kind} files are not fixed automatically`;
  if (target.errors.length > 0) return `the file has errors (${target.errors[0]!.message}); fix them first`;
  if (inHelmChart(abs, helmCache)) return 'a Helm chart template: change the chart instead';
  return undefined;
}

interface Planned {
  finding: Finding;
  obj: ConfigObject;
  patch: JsonPatchOperation[];
}

/** Line offsets, for turning a parser location into an offset. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

const sameResource = (f: Finding, o: ConfigObject): boolean =>
  f.resource.kind === o.kind && f.resource.name === o.name && f.resource.namespace === o.namespace && f.resource.apiVersion === o.apiVersion;

interface FileRound {
  text: string;
  applied: FixedFinding[];
  failed: Map<string, string>;
}

/**
 * One round on one file: each fixable finding is matched to its object (same identity, the object that starts last
 * before the finding's line), its patch is moved under the object's place in the document (`items/3/...` in a List),
 * and the patches of a document are written into its text. Fixes that touch the same field as an earlier one this round
 * wait for the next round, where they are computed again on the edited text.
 */
function fixFile(text: string, display: string, findings: readonly Finding[], round: number): FileRound {
  const failed = new Map<string, string>();
  const applied: FixedFinding[] = [];
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const parsed = parseYamlDocuments(body, display);
  const objects = extractObjects(parsed.documents, display).objects;
  const starts = lineStarts(body);
  const located = objects.map((o) => ({ o, line: o.source.locate(o.basePath).startLine }));
  const split = splitDocuments(body);
  if (!split.ok) {
    for (const f of findings) failed.set(f.fingerprint, split.error);
    return { text, applied, failed };
  }
  const docs = split.value;
  const docOf = (line: number): number => {
    const off = starts[Math.max(0, line - 1)] ?? body.length;
    for (let i = docs.length - 1; i >= 0; i--) if (docs[i]!.start <= off) return i;
    return 0;
  };

  const byDoc = new Map<number, Planned[]>();
  for (const f of findings) {
    let best: { o: ConfigObject; line: number } | undefined;
    for (const c of located) if (sameResource(f, c.o) && c.line <= f.location.startLine && (!best || c.line >= best.line)) best = c;
    if (!best) {
      failed.set(f.fingerprint, 'cannot find the object in the file (it changed since the scan?)');
      continue;
    }
    const base = toJsonPointer(best.o.basePath);
    const rebase = (p: string): string => base + p;
    const patch: JsonPatchOperation[] = [
      // The document must still hold the object the finding is about (a guard, like the fix's own `test` ops).
      { op: 'test', path: `${base}/kind`, value: best.o.kind },
      ...f.fix!.patch.map((op): JsonPatchOperation => (op.op === 'move' || op.op === 'copy' ? { ...op, from: rebase(op.from), path: rebase(op.path) } : { ...op, path: rebase(op.path) })),
    ];
    const d = docOf(best.line);
    const list = byDoc.get(d) ?? [];
    list.push({ finding: f, obj: best.o, patch });
    byDoc.set(d, list);
  }

  const slices = docs.map((d) => body.slice(d.start, d.end));
  for (const [d, planned] of byDoc) {
    // Most severe first, so when two fixes touch one field the more important one is applied this round.
    planned.sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity) || (a.finding.checkId < b.finding.checkId ? -1 : a.finding.checkId > b.finding.checkId ? 1 : 0));
    const readable = patchYamlDocument(slices[d]!, []);
    if (!readable.ok) {
      // The whole document is off limits (a duplicate key, …): say so for every fix, not just the first.
      for (const p of planned) failed.set(p.finding.fingerprint, readable.error);
      continue;
    }
    const plan = scheduleFixes(planned.map((p) => ({ item: p, patch: p.patch })));
    for (const c of plan.deferred) failed.set(c.item.finding.fingerprint, 'waits for another fix of the same field');
    const batch = plan.apply.map((c) => c.item);
    const duplicates = plan.duplicates.map((c) => c.item);
    let slice = slices[d]!;
    const accepted: Planned[] = [];
    const all = patchYamlDocument(slice, batch.flatMap((p) => p.patch));
    if (all.ok) {
      slice = all.value;
      accepted.push(...batch);
    } else {
      // One fix that cannot be written must not hold back the others: apply them one by one, keep each reason.
      for (const p of batch) {
        const one = patchYamlDocument(slice, p.patch);
        if (one.ok) {
          slice = one.value;
          accepted.push(p);
        } else failed.set(p.finding.fingerprint, one.error);
      }
    }
    slices[d] = slice;
    const acceptedKeys = new Set(accepted.map((p) => JSON.stringify(p.patch)));
    for (const p of [...accepted, ...duplicates.filter((x) => acceptedKeys.has(JSON.stringify(x.patch)))]) {
      failed.delete(p.finding.fingerprint);
      applied.push({
        fingerprint: p.finding.fingerprint,
        file: display,
        line: p.finding.location.startLine,
        checkId: p.finding.checkId,
        slug: p.finding.slug,
        object: objectLabel(p.finding),
        description: p.finding.fix!.description,
        round,
      });
    }
  }
  return { text: bom + slices.join(''), applied, failed };
}

/** Scan, fix, rescan — until a round changes nothing or `MAX_ROUNDS` rounds ran; then one last scan of the result. */
export async function runFixes(opts: FixOptions): Promise<FixOutcome> {
  /** File contents as edited so far, byte for byte (a byte order mark included). */
  const current = new Map<string, string>();
  /** What the rescan reads instead of the disk: the edited text as the scanner reads files (without the mark). */
  const overlay = new Map<string, string>();
  const original = new Map<string, string>();
  const applied: FixedFinding[] = [];
  const lastReason = new Map<string, string>();
  const refused = new Map<string, string>();
  const helmCache = new Map<string, boolean>();
  const { onlyChecks, ...scanOpts } = opts;
  const displayOf = new Map<string, string>();
  const seenFixable = new Set<string>();
  let scans = 0;
  let rounds = 0;
  for (;;) {
    const outcome = await scan({ ...scanOpts, scanners: ['config'], overlay });
    if (!outcome.ok) return outcome;
    scans++;
    const fixable = outcome.report.findings.filter((f) => f.fix && !f.suppressed && (!onlyChecks || onlyChecks.has(f.checkId)));
    const last = scans > MAX_ROUNDS;
    for (const f of fixable) seenFixable.add(f.fingerprint);
    const byFile = new Map<string, Finding[]>();
    for (const f of fixable) {
      if (f.derivedFrom) {
        lastReason.set(f.fingerprint, `derived from ${f.derivedFrom.target} (${f.derivedFrom.kind} ${f.derivedFrom.name}): fix the source instead`);
        continue;
      }
      const list = byFile.get(f.location.path) ?? [];
      list.push(f);
      byFile.set(f.location.path, list);
    }
    let changed = false;
    if (!last) {
      const targets = new Map(outcome.report.targets.map((t) => [t.path, t]));
      for (const [display, findings] of byFile) {
        const abs = resolvePath(opts.cwd, display);
        const why = refused.get(display) ?? refusal(targets, display, abs, helmCache);
        if (why) {
          refused.set(display, why);
          for (const f of findings) lastReason.set(f.fingerprint, why);
          continue;
        }
        let text = current.get(abs);
        if (text === undefined) {
          try {
            text = readFileSync(abs, 'utf8');
          } catch (e) {
            const reason = `cannot read the file: ${(e as Error).message}`;
            refused.set(display, reason);
            for (const f of findings) lastReason.set(f.fingerprint, reason);
            continue;
          }
          original.set(abs, text);
          displayOf.set(abs, display);
        }
        const res = fixFile(text, display, findings, scans);
        for (const [fp, reason] of res.failed) lastReason.set(fp, reason);
        applied.push(...res.applied);
        if (res.text !== text) {
          current.set(abs, res.text);
          overlay.set(abs, res.text.startsWith('\uFEFF') ? res.text.slice(1) : res.text);
          changed = true;
        }
      }
    }
    if (changed) rounds++;
    if (last || !changed) {
      const notApplied: UnfixedFinding[] = fixable.map((f) => ({
        file: f.location.path,
        line: f.location.startLine,
        checkId: f.checkId,
        slug: f.slug,
        object: objectLabel(f),
        reason: lastReason.get(f.fingerprint) ?? `still reported after ${MAX_ROUNDS} rounds of fixes`,
      }));
      const files: ChangedFile[] = [];
      for (const [abs, after] of current) {
        const before = original.get(abs)!;
        if (after !== before) files.push({ abs, display: displayOf.get(abs)!, before, after });
      }
      files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
      const appliedKeys = new Set(applied.map((a) => a.fingerprint));
      const remaining = new Set(outcome.report.findings.map((f) => f.fingerprint));
      const settled = [...seenFixable].filter((fp) => !appliedKeys.has(fp) && !remaining.has(fp)).length;
      return { ok: true, files, applied, notApplied, settled, rounds, report: outcome.report, failOn: outcome.failOn };
    }
  }
}
