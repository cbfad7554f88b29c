import picomatch from 'picomatch';
import { z } from 'zod';
import type { InlineSuppression } from '../core/config-object.js';
import type { Finding, Suppression } from '../core/finding.js';
import type { Location } from '../core/location.js';
import type { ExpiredWaiver } from '../core/report.js';
import { parseSingleYaml, zodIssues, type ConfigIssue } from './located.js';

/** ISO date (YYYY-MM-DD). YAML 1.1 reads an unquoted date as a timestamp, so accept both forms. */
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'expires must be a date like 2026-12-31');

const waiverSchema = z
  .object({
    id: z.string().optional(),
    /** Check IDs, slugs, aliases, `category:<name>` or `*`. */
    checks: z.array(z.string().min(1)).min(1),
    resource: z
      .object({ apiVersion: z.string(), kind: z.string(), namespace: z.string(), name: z.string() })
      .partial()
      .strict()
      .optional(),
    /** Globs relative to the directory that holds `.palisade/` (the repository root). */
    paths: z.array(z.string().min(1)).optional(),
    /** Exact finding fingerprints, for waiving one finding only. */
    fingerprints: z.array(z.string().min(8)).optional(),
    reason: z.string().trim().min(1, 'reason is required: say why this finding is accepted'),
    owner: z.string().optional(),
    ticket: z.string().optional(),
    approvedBy: z.string().optional(),
    expires: isoDate.optional(),
  })
  .strict();

const waiverFileSchema = z.object({ version: z.literal(1).optional(), waivers: z.array(waiverSchema).default([]) }).strict();

export interface Waiver extends z.output<typeof waiverSchema> {
  /** Where the waiver is written, for reports about it. */
  location: Location;
  /** Directory its `paths` globs are relative to, as a prefix of finding paths ('' = the scan's cwd). */
  base: string;
}

export function parseWaiverFile(text: string, file: string, base: string): { ok: true; value: Waiver[] } | { ok: false; issues: ConfigIssue[] } {
  const parsed = parseSingleYaml(text, file);
  if (!parsed.ok) return parsed;
  const value = parsed.doc.value ?? {};
  const res = waiverFileSchema.safeParse(value);
  if (!res.success) return { ok: false, issues: zodIssues(res.error, parsed.doc, file) };
  const fallback: Location = { path: file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  return {
    ok: true,
    value: res.data.waivers.map((w, i) => ({ ...w, location: parsed.doc.source?.locate(['waivers', i]) ?? fallback, base })),
  };
}

/** What a waiver can see of the object a finding is about. */
export interface WaiverSubject {
  annotations: Record<string, string>;
  /** Pod template annotations of a workload (Helm charts often annotate the template). */
  podAnnotations: Record<string, string>;
  /** Source text of the YAML document, for `# checkov:skip=` comments. */
  text(): string;
  /** Comment suppressions the parser collected (Dockerfile, compose, Terraform). */
  inline?: readonly InlineSuppression[];
}

export interface WaiverInput {
  findings: Finding[];
  /** Subject of each finding, same index; undefined for findings that are not about a Kubernetes object. */
  subjects: (WaiverSubject | undefined)[];
  waivers: readonly Waiver[];
  /** Today's date (YYYY-MM-DD, UTC), passed in: pure layers read no clock. */
  today: string;
  /** Aliases of a check, so a waiver written against an old name keeps working. */
  aliasesOf(checkId: string): readonly string[];
}

export interface WaiverOutcome {
  findings: Finding[];
  expired: ExpiredWaiver[];
  /** Waivers that could not apply (e.g. an annotation without a reason), per finding path. */
  warnings: { path: string; message: string; location: Location }[];
}

export const ANNOTATION = {
  waive: 'palisade.dev/waive',
  reason: 'palisade.dev/waive-reason',
  expires: 'palisade.dev/waive-expires',
  owner: 'palisade.dev/waive-owner',
  ticket: 'palisade.dev/waive-ticket',
} as const;

function matchesSelector(f: Finding, selector: string, aliases: readonly string[]): boolean {
  const s = selector.trim();
  if (s === '*') return true;
  if (s.startsWith('category:')) return f.category === s.slice(9);
  // Advisory IDs are mixed case (GHSA-h395-qcrw-5vmq) and users write them either way: compare IDs case-insensitively.
  const up = s.toUpperCase();
  return up === f.checkId.toUpperCase() || s === f.slug || aliases.some((a) => a === s || a.toUpperCase() === up);
}

const globCache = new Map<string, (s: string) => boolean>();
function glob(pattern: string): (s: string) => boolean {
  let m = globCache.get(pattern);
  if (!m) {
    m = picomatch(pattern, { dot: true });
    globCache.set(pattern, m);
  }
  return m;
}

function isExpired(expires: string | undefined | null, today: string): boolean {
  return !!expires && today > expires;
}

function fileWaiverMatches(w: Waiver, f: Finding, aliases: readonly string[]): boolean {
  if (!w.checks.some((c) => matchesSelector(f, c, aliases))) return false;
  if (w.fingerprints && !w.fingerprints.includes(f.fingerprint)) return false;
  if (w.resource) {
    for (const key of ['apiVersion', 'kind', 'namespace', 'name'] as const) {
      const want = w.resource[key];
      if (want !== undefined && !glob(want)(f.resource[key])) return false;
    }
  }
  if (w.paths) {
    const base = w.base === '' ? '' : w.base.endsWith('/') ? w.base : `${w.base}/`;
    const p = f.location.path;
    if (base !== '' && !p.startsWith(base)) return false;
    const rel = p.slice(base.length);
    if (!w.paths.some((g) => glob(g)(rel))) return false;
  }
  return true;
}

interface PeerHit {
  by: Suppression['by'];
  reason: string;
  source: string;
}

/** The peers' own suppressions, honoured for migration: a finding is silenced when it maps to the peer's rule. */
function peerSuppression(f: Finding, subject: WaiverSubject): PeerHit | undefined {
  const ann = subject.annotations;
  for (const p of f.peers) {
    if (p.tool === 'checkov') {
      for (const [k, v] of Object.entries(ann)) {
        if (!/^checkov\.io\/skip\d*$/.test(k)) continue;
        const [id, ...rest] = v.split('=');
        if (id?.trim() === p.id) return { by: 'checkov-annotation', reason: rest.join('=').trim() || `${k} annotation`, source: k };
      }
      const text = subject.text();
      if (text.includes('checkov:skip=')) {
        const re = /checkov:skip=([A-Z0-9_]+)(?::([^\n]*))?/g;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m[1] === p.id) return { by: 'checkov-comment', reason: m[2]?.trim() || 'checkov:skip comment', source: `checkov:skip=${p.id}` };
        }
      }
    } else if (p.tool === 'kube-linter') {
      const key = `ignore-check.kube-linter.io/${p.id}`;
      if (key in ann) return { by: 'kube-linter-annotation', reason: ann[key] || `${key} annotation`, source: key };
    } else if (p.tool === 'polaris') {
      const key = `polaris.fairwinds.com/${p.id}-exempt`;
      if (ann[key] === 'true') return { by: 'polaris-annotation', reason: `${key} annotation`, source: key };
      if (ann['polaris.fairwinds.com/exempt'] === 'true')
        return { by: 'polaris-annotation', reason: 'polaris.fairwinds.com/exempt annotation', source: 'polaris.fairwinds.com/exempt' };
    }
  }
  return undefined;
}

/** Trivy writes the same rule as `AVD-DS-0002`, `DS-0002` or `DS002`: compare prefix and number. */
function trivyKey(id: string): string {
  const m = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id.trim());
  return m ? `${m[1]!.toUpperCase()}:${m[2]}` : id.trim().toUpperCase();
}

function inlineCovers(c: InlineSuppression, f: Finding, aliases: readonly string[]): boolean {
  if (c.pathPrefix !== '' && f.dataPath !== c.pathPrefix && !f.dataPath.startsWith(`${c.pathPrefix}.`) && !f.dataPath.startsWith(`${c.pathPrefix}[`)) return false;
  switch (c.by) {
    case 'palisade-comment':
      return c.ids.some((id) => matchesSelector(f, id, aliases));
    case 'hadolint-comment':
      return f.peers.some((p) => p.tool === 'hadolint' && c.ids.includes(p.id));
    case 'checkov-comment':
      return f.peers.some((p) => p.tool === 'checkov' && c.ids.includes(p.id));
    case 'trivy-comment':
      return f.peers.some((p) => p.tool === 'trivy' && c.ids.some((id) => trivyKey(id) === trivyKey(p.id)));
  }
}

/**
 * One waiver model for every consumer (CLI, admission, server): object annotations first, then waiver files, then the
 * peers' suppressions. An expired waiver stops applying and is reported in `expired`.
 */
export function applyWaivers(input: WaiverInput): WaiverOutcome {
  const expired = new Map<string, ExpiredWaiver>();
  const warnings: WaiverOutcome['warnings'] = [];
  const warned = new Set<string>();
  const findings = input.findings.map((f, i) => {
    const subject = input.subjects[i];
    const aliases = input.aliasesOf(f.checkId);
    let suppressed: Suppression | null = null;

    if (subject) {
      for (const ann of [subject.annotations, subject.podAnnotations]) {
        const list = ann[ANNOTATION.waive];
        if (!list || !list.split(',').some((s) => matchesSelector(f, s, aliases))) continue;
        const reason = (ann[ANNOTATION.reason] ?? '').trim();
        const expires = ann[ANNOTATION.expires]?.trim() || null;
        const key = `${f.location.path}|${f.resource.kind}/${f.resource.namespace}/${f.resource.name}`;
        if (!reason) {
          if (!warned.has(key)) {
            warned.add(key);
            warnings.push({
              path: f.location.path,
              message: `${ANNOTATION.waive} on ${f.resource.kind}/${f.resource.name} has no ${ANNOTATION.reason} annotation; the waiver is not applied`,
              location: f.location,
            });
          }
          continue;
        }
        if (isExpired(expires, input.today)) {
          expired.set(`${key}|${list}`, { source: `${ANNOTATION.waive} on ${f.resource.kind}/${f.resource.name}`, checks: list.split(',').map((s) => s.trim()), reason, expires: expires!, location: f.location });
          continue;
        }
        suppressed = { by: 'annotation', reason, expires, source: ANNOTATION.waive };
        const owner = ann[ANNOTATION.owner];
        const ticket = ann[ANNOTATION.ticket];
        if (owner) suppressed.owner = owner;
        if (ticket) suppressed.ticket = ticket;
        break;
      }
    }

    if (!suppressed) {
      for (const w of input.waivers) {
        if (!fileWaiverMatches(w, f, aliases)) continue;
        if (isExpired(w.expires, input.today)) {
          const key = `${w.location.path}:${w.location.startLine}`;
          const e: ExpiredWaiver = { source: w.id ?? key, checks: w.checks, reason: w.reason, expires: w.expires!, location: w.location };
          if (w.owner) e.owner = w.owner;
          if (w.ticket) e.ticket = w.ticket;
          expired.set(key, e);
          continue;
        }
        suppressed = { by: 'waiver-file', reason: w.reason, expires: w.expires ?? null, source: w.id ?? `${w.location.path}:${w.location.startLine}` };
        if (w.owner) suppressed.owner = w.owner;
        if (w.ticket) suppressed.ticket = w.ticket;
        break;
      }
    }

    if (!suppressed && subject?.inline) {
      for (const c of subject.inline) {
        if (!inlineCovers(c, f, aliases)) continue;
        if (isExpired(c.expires, input.today)) {
          const key = `${c.location.path}:${c.location.startLine}`;
          expired.set(key, { source: key, checks: c.ids, reason: c.reason, expires: c.expires!, location: c.location });
          continue;
        }
        suppressed = { by: c.by, reason: c.reason, expires: c.expires ?? null, source: `${c.location.path}:${c.location.startLine}` };
        break;
      }
    }

    if (!suppressed && subject) {
      const hit = peerSuppression(f, subject);
      if (hit) suppressed = { by: hit.by, reason: hit.reason, expires: null, source: hit.source };
    }
    return suppressed ? { ...f, suppressed } : f;
  });
  return { findings, expired: [...expired.values()], warnings };
}
