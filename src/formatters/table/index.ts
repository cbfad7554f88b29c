import type { Finding, VulnerabilityDetail } from '../../core/finding.js';
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

    const active = report.findings.filter((f) => !f.suppressed && !f.vulnerability).sort(compareFindings);
    if (active.length > 0) out.push(...findingsSection(active, width, paint));
    const vulns = report.findings.filter((f) => !f.suppressed && f.vulnerability).sort(compareFindings);
    if (vulns.length > 0) out.push(...vulnerabilitySection(vulns, width, paint));

    const suppressed = report.findings.filter((f) => f.suppressed).sort(compareFindings);
    if (suppressed.length > 0) out.push(...suppressedSection(suppressed, width, paint));

    const errors = issues(report.targets, 'errors');
    if (errors.length > 0) out.push(...issueSection('Errors', errors, width, (s) => paint(SGR.severity.critical, s), paint));
    const warnings = issues(report.targets, 'warnings');
    if (warnings.length > 0) out.push(...issueSection('Warnings', warnings, width, (s) => paint(SGR.severity.medium, s), paint));

    if (report.expiredWaivers.length > 0) out.push(...expiredSection(report, width, paint));

    const parts = summaryParts(report.summary, report.expiredWaivers.length);
    if (report.diff) {
      const base = report.diff.kind === 'git' ? `${report.diff.base}${report.diff.commit ? ` (${report.diff.commit.slice(0, 12)})` : ''}` : report.diff.base;
      parts.push(`${report.diff.unchanged} unchanged since ${base} not shown`);
    }
    const summary = parts.join(' · ');
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

/** Column caps for the vulnerability table: long names and versions are cut, the advisory ID never is. */
const VULN_CAPS = { pkg: 40, installed: 24, fixed: 24 };
/** Narrowest a cut column gets when the terminal is too narrow for the whole row. */
const VULN_MIN = { pkg: 14, installed: 9, fixed: 9 };

function cut(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Cuts from the front: `…j:log4j-core`, `…/x/net` — the end of a package name says which one it is. */
function cutStart(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  const chars = [...s];
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = displayWidth(chars[i]!);
    if (w + cw > max - 1) break;
    out = chars[i]! + out;
    w += cw;
  }
  return `…${out}`;
}

/** `ID (first alias)`, e.g. `GHSA-35jh-r3h4-6jhm (CVE-2021-23337)`: the advisory's own ID and the one people search for. */
function advisoryLabel(v: VulnerabilityDetail): string {
  const alias = v.aliases.find((a) => a.startsWith('CVE-')) ?? v.aliases.find((a) => a !== v.id);
  if (v.informational !== undefined) return `${v.id} (${v.informational})`;
  return alias !== undefined && alias !== v.id ? `${v.id} (${alias})` : v.id;
}

/** What to upgrade to: the version that clears every advisory, else the fixed versions, else a dash. */
function fixedLabel(v: VulnerabilityDetail): string {
  if (v.upgradeTo !== undefined) return v.upgradeTo;
  return v.fixedVersions.length > 0 ? v.fixedVersions.join(', ') : '-';
}

/**
 * One row per vulnerability, grouped by the file (lockfile, image path) that declares the package:
 * `line  SEVERITY  package  installed → fixed  advisory  summary`. The summary gets what is left of the width or is
 * left out; on a narrow terminal the package and version columns are cut before anything wraps.
 */
function vulnerabilitySection(findings: Finding[], width: number, paint: Paint): string[] {
  const raw = findings.map((f) => {
    const v = f.vulnerability!;
    return {
      f,
      line: String(f.location.startLine),
      pkg: sanitizeInline(v.package.name),
      installed: sanitizeInline(v.package.version),
      fixed: sanitizeInline(fixedLabel(v)),
      advisory: sanitizeInline(advisoryLabel(v)),
      id: sanitizeInline(v.id),
      summary: sanitizeInline(v.summary),
    };
  });
  const widest = (key: 'line' | 'pkg' | 'installed' | 'fixed' | 'advisory' | 'id'): number => Math.max(...raw.map((r) => displayWidth(r[key])));
  const lineW = widest('line');
  const col = { pkg: Math.min(widest('pkg'), VULN_CAPS.pkg), installed: Math.min(widest('installed'), VULN_CAPS.installed), fixed: Math.min(widest('fixed'), VULN_CAPS.fixed) };
  const minimum = (advisoryW: number): number => 4 + lineW + 2 + SEVERITY_WIDTH + 2 + 2 + 3 + 2 + advisoryW + VULN_MIN.pkg + VULN_MIN.installed + VULN_MIN.fixed;
  // The alias goes before the package name is cut to nothing: the advisory's own ID leads to the alias anyway.
  const withAlias = minimum(widest('advisory')) <= width;
  const advisoryW = withAlias ? widest('advisory') : widest('id');
  const fixedPart = 4 + lineW + 2 + SEVERITY_WIDTH + 2 + 2 + 3 + 2 + advisoryW;
  let overflow = fixedPart + col.pkg + col.installed + col.fixed - width;
  // One cell at a time from the widest column that can still give, so no single column is cut to its minimum first.
  const keys = ['pkg', 'installed', 'fixed'] as const;
  while (overflow > 0) {
    const key = keys.filter((k) => col[k] > VULN_MIN[k]).sort((a, b) => col[b] - col[a])[0];
    if (!key) break;
    col[key]--;
    overflow--;
  }
  const prefixW = fixedPart + col.pkg + col.installed + col.fixed;
  const summaryW = width - prefixW - 2;

  const out = [paint(SGR.bold, `Vulnerabilities (${findings.length})`)];
  let path: string | undefined;
  for (const r of raw) {
    if (r.f.location.path !== path) {
      path = r.f.location.path;
      out.push(`  ${paint(SGR.bold, sanitizeInline(path))}`);
    }
    const sev = paint(SGR.severity[r.f.severity], padEnd(r.f.severity.toUpperCase(), SEVERITY_WIDTH));
    const cells = `${padEnd(cutStart(r.pkg, col.pkg), col.pkg)}  ${padEnd(cut(r.installed, col.installed), col.installed)} → ${padEnd(cut(r.fixed, col.fixed), col.fixed)}`;
    let row = `    ${r.line.padStart(lineW)}  ${sev}  ${cells}  ${padEnd(withAlias ? r.advisory : r.id, advisoryW)}`;
    if (r.summary !== '' && summaryW >= MIN_MESSAGE_WIDTH - 10) row += `  ${paint(SGR.dim, cut(capped(r.summary), summaryW))}`;
    out.push(row.trimEnd());
  }
  out.push('');
  return out;
}

function suppressedSection(findings: Finding[], width: number, paint: Paint): string[] {
  const out = [paint(SGR.bold, `Suppressed (${findings.length})`)];
  for (const f of findings) {
    const s = f.suppressed!;
    const resource = resourceLabel(f.resource);
    const v = f.vulnerability;
    const what = v ? `${v.package.name} ${v.package.version} ${advisoryLabel(v)}` : `${f.checkId} ${f.slug}`;
    const head = [position(f.location.path, f.location.startLine, f.location.startColumn), what, resource]
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
