import type { Finding } from '../../core/finding.js';
import type { Report, Target, TargetIssue } from '../../core/report.js';
import type { Severity } from '../../core/severity.js';
import { defineFormatter } from '../define-formatter.js';
import {
  MECHANISM_LABEL,
  compareFindings,
  compareStrings,
  normalizeReport,
  plural,
  resourceLabel,
  sanitizeInline,
  summaryParts,
} from '../_lib/text.js';
import { displayWidth, padEnd, wrap } from '../_lib/width.js';

const SGR = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  green: '\u001b[32m',
  severity: {
    critical: '\u001b[1;31m',
    high: '\u001b[31m',
    medium: '\u001b[33m',
    low: '\u001b[36m',
    info: '\u001b[90m',
  } satisfies Record<Severity, string>,
};

/** Below this many cells for the message, the message moves to its own line. */
const MIN_MESSAGE_WIDTH = 30;
const SEVERITY_WIDTH = 'CRITICAL'.length;
const MAX_MESSAGE_CHARS = 1000;

type Paint = (code: string, s: string) => string;

export default defineFormatter({
  id: 'table',
  mediaType: 'text/plain',
  extension: 'txt',
  format(input, ctx) {
    const report = normalizeReport(input, ctx.cwd);
    const paint: Paint = ctx.color ? (code, s) => `${code}${s}${SGR.reset}` : (_code, s) => s;
    const width = Number.isFinite(ctx.width) && ctx.width > 0 ? Math.max(40, ctx.width) : Infinity;
    const out: string[] = [];

    const active = report.findings.filter((f) => !f.suppressed).sort(compareFindings);
    if (active.length > 0) out.push(...findingsSection(active, width, paint));

    const suppressed = report.findings.filter((f) => f.suppressed).sort(compareFindings);
    if (suppressed.length > 0) out.push(...suppressedSection(suppressed, width, paint));

    const errors = issues(report.targets, 'errors');
    if (errors.length > 0) out.push(...issueSection('Errors', errors, width, (s) => paint(SGR.severity.critical, s), paint));
    const warnings = issues(report.targets, 'warnings');
    if (warnings.length > 0) out.push(...issueSection('Warnings', warnings, width, (s) => paint(SGR.severity.medium, s), paint));

    if (report.expiredWaivers.length > 0) out.push(...expiredSection(report, width, paint));

    const summary = summaryParts(report.summary, report.expiredWaivers.length).join(' · ');
    const clean = report.summary.total === 0 && report.summary.errors === 0;
    out.push(paint(clean ? SGR.green : SGR.bold, summary));
    return `${out.join('\n')}\n`;
  },
});

function findingsSection(findings: Finding[], width: number, paint: Paint): string[] {
  const loc = (f: Finding): string => `${f.location.startLine}:${f.location.startColumn}`;
  const locW = Math.max(...findings.map((f) => loc(f).length));
  const indent = 4;
  // Widest layout that leaves the message enough room: `id slug`, then `id` alone, then the message on its own line.
  const layouts = [
    { check: (f: Finding) => sanitizeInline(`${f.checkId} ${f.slug}`), minMessage: MIN_MESSAGE_WIDTH },
    { check: (f: Finding) => sanitizeInline(f.checkId), minMessage: MIN_MESSAGE_WIDTH - 10 },
  ].map((l) => {
    const checkW = Math.max(...findings.map((f) => displayWidth(l.check(f))));
    return { ...l, checkW, prefixW: indent + locW + 2 + SEVERITY_WIDTH + 2 + checkW + 2 };
  });
  const layout = layouts.find((l) => width - l.prefixW >= l.minMessage);
  const { check, checkW, prefixW } = layout ?? layouts[0]!;

  const out: string[] = [];
  for (const [path, byResource] of group(findings)) {
    out.push(paint(SGR.bold, sanitizeInline(path)));
    for (const [resource, list] of byResource) {
      out.push(`  ${sanitizeInline(resource) || '(file)'}`);
      for (const f of list) {
        const sev = paint(SGR.severity[f.severity], padEnd(f.severity.toUpperCase(), SEVERITY_WIDTH));
        const head = `${' '.repeat(indent)}${loc(f).padStart(locW)}  ${sev}  ${padEnd(check(f), checkW)}`;
        const message = capped(sanitizeInline(f.message));
        if (layout) {
          const [first, ...rest] = wrap(message, width - prefixW);
          out.push(`${head}  ${first}`);
          for (const line of rest) out.push(`${' '.repeat(prefixW)}${line}`);
        } else {
          out.push(head.trimEnd());
          for (const line of wrap(message, width - indent - 2)) out.push(`${' '.repeat(indent + 2)}${line}`);
        }
      }
    }
    out.push('');
  }
  return out;
}

/** A terminal is no place for a 50 kB message; the JSON and SARIF outputs carry it whole. */
function capped(s: string): string {
  const chars = [...s];
  if (chars.length <= MAX_MESSAGE_CHARS) return s;
  return `${chars.slice(0, MAX_MESSAGE_CHARS).join('')}… (+${chars.length - MAX_MESSAGE_CHARS} characters)`;
}

/** file → resource label → findings, in the (already sorted) order of first appearance. */
function group(findings: Finding[]): Map<string, Map<string, Finding[]>> {
  const files = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    let byResource = files.get(f.location.path);
    if (!byResource) files.set(f.location.path, (byResource = new Map()));
    const key = resourceLabel(f.resource);
    const list = byResource.get(key);
    if (list) list.push(f);
    else byResource.set(key, [f]);
  }
  return files;
}

function position(path: string, line: number, column: number): string {
  return `${sanitizeInline(path)}:${line}:${column}`;
}

function detail(text: string, width: number, indent: number): string[] {
  return wrap(text, width - indent).map((l) => `${' '.repeat(indent)}${l}`);
}

function suppressedSection(findings: Finding[], width: number, paint: Paint): string[] {
  const out = [paint(SGR.bold, `Suppressed (${findings.length})`)];
  for (const f of findings) {
    const s = f.suppressed!;
    const resource = resourceLabel(f.resource);
    const head = [position(f.location.path, f.location.startLine, f.location.startColumn), `${f.checkId} ${f.slug}`, resource]
      .filter((p) => p !== '')
      .map(sanitizeInline)
      .join('  ');
    const extra = [
      s.expires ? `expires ${s.expires}` : '',
      s.owner ? `owner ${s.owner}` : '',
      s.ticket ? `ticket ${s.ticket}` : '',
      s.source ? `source ${s.source}` : '',
    ].filter((p) => p !== '');
    const why = `by ${MECHANISM_LABEL[s.by] ?? s.by}: ${s.reason || '(no reason given)'}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    out.push(paint(SGR.dim, `  ${head}`));
    for (const line of detail(sanitizeInline(why), width, 6)) out.push(paint(SGR.dim, line));
  }
  out.push('');
  return out;
}

interface LocatedIssue {
  target: Target;
  issue: TargetIssue;
}

function issues(targets: Target[], key: 'errors' | 'warnings'): LocatedIssue[] {
  return targets
    .flatMap((target) => target[key].map((issue) => ({ target, issue })))
    .sort(
      (a, b) =>
        compareStrings(a.issue.location.path, b.issue.location.path) ||
        a.issue.location.startLine - b.issue.location.startLine ||
        a.issue.location.startColumn - b.issue.location.startColumn,
    );
}

function issueSection(title: string, list: LocatedIssue[], width: number, mark: (s: string) => string, paint: Paint): string[] {
  const out = [paint(SGR.bold, `${title} (${list.length})`)];
  for (const { issue } of list) {
    const l = issue.location;
    const head = [position(l.path, l.startLine, l.startColumn), sanitizeInline(issue.code), issue.checkId ? sanitizeInline(issue.checkId) : '']
      .filter((p) => p !== '')
      .join('  ');
    out.push(`  ${mark(head)}`);
    out.push(...detail(sanitizeInline(issue.message), width, 6));
  }
  out.push('');
  return out;
}

function expiredSection(report: Report, width: number, paint: Paint): string[] {
  const out = [paint(SGR.bold, `Expired waivers (${report.expiredWaivers.length})`)];
  for (const w of report.expiredWaivers) {
    const where = w.location ? position(w.location.path, w.location.startLine, w.location.startColumn) : '';
    const head = [where, sanitizeInline(w.source), `expired ${sanitizeInline(w.expires)}`].filter((p) => p !== '').join('  ');
    out.push(`  ${paint(SGR.severity.medium, head)}`);
    const extra = [w.owner ? `owner ${w.owner}` : '', w.ticket ? `ticket ${w.ticket}` : ''].filter((p) => p !== '');
    const text = `${plural(w.checks.length, 'check')}: ${w.checks.join(', ') || '(none)'} — ${w.reason || '(no reason given)'}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    out.push(...detail(sanitizeInline(text), width, 6));
  }
  out.push('Renew or remove these waivers; the findings they covered are reported again.', '');
  return out;
}
