import type { Finding, Resource, SuppressionMechanism } from '../../core/finding.js';
import type { Location } from '../../core/location.js';
import type { Report, Summary } from '../../core/report.js';
import { SEVERITIES, bySeverityDesc } from '../../core/severity.js';

/**
 * `k8s\prod\app.yaml` → `k8s/prod/app.yaml`, `./a.yaml` → `a.yaml`, and `/work/repo/a.yaml` → `a.yaml` when `cwd` is
 * `/work/repo`: paths from Windows scans or absolute arguments look the same as any other in every format.
 */
export function normalizePath(path: string, cwd = ''): string {
  let p = path.replace(/\\/g, '/');
  const base = cwd.replace(/\\/g, '/').replace(/\/+$/, '');
  if (base !== '' && p.startsWith(`${base}/`)) p = p.slice(base.length + 1);
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/** A copy of the report with every path normalised (see normalizePath). The report itself is never mutated. */
export function normalizeReport(report: Report, cwd: string): Report {
  const normalizeLocation = <L extends Location | undefined>(loc: L): L =>
    (loc === undefined ? loc : { ...loc, path: normalizePath(loc.path, cwd) }) as L;
  return {
    ...report,
    targets: report.targets.map((t) => ({
      ...t,
      path: normalizePath(t.path, cwd),
      errors: t.errors.map((e) => ({ ...e, location: normalizeLocation(e.location) })),
      warnings: t.warnings.map((w) => ({ ...w, location: normalizeLocation(w.location) })),
    })),
    findings: report.findings.map((f) => ({ ...f, location: normalizeLocation(f.location) })),
    expiredWaivers: report.expiredWaivers.map((w) =>
      w.location === undefined ? { ...w } : { ...w, location: normalizeLocation(w.location) },
    ),
  };
}

/** `Deployment/prod/web`, `ClusterRole/admin` (no namespace), or '' when the finding is not about a Kubernetes object. */
export function resourceLabel(r: Resource): string {
  return [r.kind, r.namespace, r.name].filter((s) => s !== '').join('/');
}

export const MECHANISM_LABEL: Record<SuppressionMechanism, string> = {
  annotation: 'palisade annotation',
  'waiver-file': 'waiver file',
  'checkov-annotation': 'checkov annotation',
  'checkov-comment': 'checkov comment',
  'kube-linter-annotation': 'kube-linter annotation',
  'polaris-annotation': 'polaris annotation',
  vex: 'VEX statement',
  'palisade-comment': 'palisade comment',
  'hadolint-comment': 'hadolint comment',
  'trivy-comment': 'trivy comment',
};

/** Deterministic order for human formats: file, position, most severe first, check, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.location.path, b.location.path) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    bySeverityDesc(a.severity, b.severity) ||
    compareStrings(a.checkId, b.checkId) ||
    compareStrings(a.message, b.message)
  );
}

/** Code-unit order, not locale order, so output is identical on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Parts of the one-line summary shared by the human formats: `12 findings (2 critical, 3 high)`, `3 suppressed`, … */
export function summaryParts(s: Summary, expiredWaivers: number): string[] {
  const sev = SEVERITIES.filter((k) => s.bySeverity[k] > 0).map((k) => `${s.bySeverity[k]} ${k}`);
  const parts = [s.total === 0 ? 'No findings' : `${plural(s.total, 'finding')}${sev.length ? ` (${sev.join(', ')})` : ''}`];
  if (s.suppressed > 0) parts.push(`${s.suppressed} suppressed`);
  if (s.errors > 0) parts.push(plural(s.errors, 'error'));
  if (s.warnings > 0) parts.push(plural(s.warnings, 'warning'));
  if (expiredWaivers > 0) parts.push(plural(expiredWaivers, 'expired waiver'));
  parts.push(`${plural(s.resources, 'resource')} in ${plural(s.targets, 'file')}`);
  return parts;
}

export function docsUrl(base: string, slug: string): string {
  return `${base}${encodeURIComponent(slug)}.md`;
}

// C0 controls except tab and newlines, DEL, C1 controls, bidi embeddings/overrides/isolates (Trojan Source), lone surrogates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visibleEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
}

/**
 * One line of text safe to print in a terminal or a Markdown cell: line breaks and tabs become spaces, other control
 * characters (ESC first of all) become visible escapes such as `\x1B`, so a hostile manifest cannot drive the terminal.
 */
export function sanitizeInline(s: string): string {
  return s
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/\t/g, ' ')
    .replace(UNSAFE, visibleEscape);
}

/** Like sanitizeInline, but keeps line breaks (normalised to `\n`) for multi-line bodies. */
export function sanitizeMultiline(s: string): string {
  return s
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map(sanitizeInline)
    .join('\n');
}

/**
 * JSON text with DEL, C1 controls, line/paragraph separators and bidi controls written as `\uXXXX` escapes (JSON.stringify
 * already escapes C0 controls and lone surrogates). These characters only occur inside strings, so the JSON is unchanged in
 * meaning, but a terminal or a viewer never sees them raw.
 */
export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
