import type { Finding } from '../../core/finding.js';
import type { Report } from '../../core/report.js';
import { SEVERITIES, bySeverityDesc, type Severity } from '../../core/severity.js';
import { defineFormatter, type FormatContext } from '../define-formatter.js';
import { MECHANISM_LABEL, compareFindings, docsUrl, normalizeReport, resourceLabel, sanitizeInline, summaryParts } from '../_lib/text.js';
import { advisoryUrl } from '../openvex/status.js';

/** GitHub rejects comments over 65,536 characters; stop well before, leaving room for the closing note. */
export const MARKDOWN_MAX_CHARS = 60_000;
/** A single cell never takes more than this, so one absurd message cannot eat the whole comment. */
const MAX_CELL_CHARS = 500;

const ICON: Record<Severity, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' };
const TITLE: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

/** Collects lines until the budget is spent; everything after that is counted instead of written. */
class Budget {
  readonly lines: string[] = [];
  private used = 0;
  truncated = false;
  omittedFindings = 0;
  omittedOther = 0;

  add(line: string): boolean {
    if (this.truncated || this.used + line.length + 1 > MARKDOWN_MAX_CHARS) {
      this.truncated = true;
      return false;
    }
    this.lines.push(line);
    this.used += line.length + 1;
    return true;
  }

  /** Structural lines (closing tags) go in regardless; the margin under 65,536 is reserved for them. */
  force(line: string): void {
    this.lines.push(line);
    this.used += line.length + 1;
  }

  row(line: string, isFinding: boolean): void {
    if (this.add(line)) return;
    if (isFinding) this.omittedFindings++;
    else this.omittedOther++;
  }
}

export default defineFormatter({
  id: 'markdown',
  mediaType: 'text/markdown',
  extension: 'md',
  format(input, ctx) {
    const report = normalizeReport(input, ctx.cwd);
    const s = report.summary;
    const b = new Budget();
    const clean = s.total === 0 && s.errors === 0;

    b.add(`## ${clean ? '✅' : '🛡️'} ${cell(ctx.toolName)} scan results`);
    b.add('');
    b.add(`**${summaryParts(s, report.expiredWaivers.length).join(' · ')}**`);
    b.add('');
    if (s.total > 0) {
      b.add('| Severity | Findings |');
      b.add('| --- | ---: |');
      for (const sev of SEVERITIES) b.add(`| ${ICON[sev]} ${TITLE[sev]} | ${s.bySeverity[sev]} |`);
      b.add('');
    }

    errorSection(report, b);
    const active = report.findings.filter((f) => !f.suppressed && !f.vulnerability).sort(compareFindings);
    for (const sev of SEVERITIES) {
      const list = active.filter((f) => f.severity === sev);
      if (list.length === 0) continue;
      b.add(`### ${ICON[sev]} ${TITLE[sev]} (${list.length})`);
      b.add('');
      b.add('| Location | Check | Resource | Message |');
      b.add('| --- | --- | --- | --- |');
      for (const f of list) b.row(`| ${location(f)} | ${checkLink(f, ctx)} | ${cell(resourceLabel(f.resource))} | ${cell(f.message)} |`, true);
      b.add('');
    }
    vulnerabilitySection(report, b);
    suppressedSection(report, ctx, b);
    expiredSection(report, b);

    if (b.truncated) {
      const parts = [
        b.omittedFindings > 0 ? `${b.omittedFindings} more findings` : '',
        b.omittedOther > 0 ? `${b.omittedOther} more entries` : '',
      ].filter((p) => p !== '');
      b.force('');
      b.force(
        `> [!NOTE]\n> Output truncated at ${String(MARKDOWN_MAX_CHARS).replace(/\B(?=(\d{3})+$)/g, ',')} characters to fit a GitHub comment${parts.length ? `; ${parts.join(' and ')} not shown` : ''}. Use \`--format sarif\` or \`--format json\` for the full report.`,
      );
    }
    return `${b.lines.join('\n').replace(/\n+$/, '')}\n`;
  },
});

function errorSection(report: Report, b: Budget): void {
  const errors = report.targets.flatMap((t) => t.errors);
  if (errors.length === 0) return;
  b.add(`### ❌ Errors (${errors.length})`);
  b.add('');
  b.add('These files were not fully scanned.');
  b.add('');
  b.add('| Location | Code | Message |');
  b.add('| --- | --- | --- |');
  for (const e of errors) {
    const where = `${e.location.path}:${e.location.startLine}`;
    b.row(`| ${cell(where)} | ${cell(e.checkId ? `${e.code} (${e.checkId})` : e.code)} | ${cell(e.message)} |`, false);
  }
  b.add('');
}

/** One row per vulnerability, most severe first: what is installed, what to move to, and the advisory to read. */
function vulnerabilitySection(report: Report, b: Budget): void {
  const list = report.findings
    .filter((f) => !f.suppressed && f.vulnerability)
    .sort((x, y) => bySeverityDesc(x.severity, y.severity) || compareFindings(x, y));
  if (list.length === 0) return;
  b.add(`### 📦 Vulnerabilities (${list.length})`);
  b.add('');
  b.add('| Severity | Package | Installed | Fix | Advisory | Location |');
  b.add('| --- | --- | --- | --- | --- | --- |');
  for (const f of list) {
    const v = f.vulnerability!;
    const fix = v.upgradeTo ?? (v.fixedVersions.length > 0 ? v.fixedVersions.join(', ') : v.informational !== undefined ? '' : 'none yet');
    b.row(
      `| ${ICON[f.severity]} ${TITLE[f.severity]} | ${cell(v.package.name)} | ${cell(v.package.version)} | ${fix !== '' ? cell(fix) : '–'} | ${advisoryLink(f)} | ${location(f)} |`,
      true,
    );
  }
  b.add('');
}

/** `[GHSA-…](https://osv.dev/…) CVE-…`, plus the kind of an informational advisory. */
function advisoryLink(f: Finding): string {
  const v = f.vulnerability!;
  const alias = v.aliases.find((a) => a.startsWith('CVE-')) ?? v.aliases.find((a) => a !== v.id);
  const extra = [alias !== undefined && alias !== v.id ? alias : '', v.informational ?? ''].filter((p) => p !== '');
  return `[${cell(v.id)}](${advisoryUrl(v.id).replace(/[()\s]/g, encodeURIComponent)})${extra.length > 0 ? ` ${cell(extra.join(', '))}` : ''}`;
}

function suppressedSection(report: Report, ctx: FormatContext, b: Budget): void {
  const list = report.findings.filter((f) => f.suppressed).sort(compareFindings);
  if (list.length === 0) return;
  if (!b.add(`<details><summary>Suppressed findings (${list.length})</summary>`)) {
    b.omittedFindings += list.length;
    return;
  }
  b.add('');
  b.add('| Location | Check | Resource | Suppressed by | Reason |');
  b.add('| --- | --- | --- | --- | --- |');
  for (const f of list) {
    const s = f.suppressed!;
    const by = `${MECHANISM_LABEL[s.by] ?? s.by}${s.expires ? ` until ${s.expires}` : ''}`;
    const what = f.vulnerability ? `${advisoryLink(f)} ${cell(`${f.vulnerability.package.name} ${f.vulnerability.package.version}`)}` : checkLink(f, ctx);
    b.row(`| ${location(f)} | ${what} | ${cell(resourceLabel(f.resource))} | ${cell(by)} | ${s.reason ? cell(s.reason) : '_no reason given_'} |`, true);
  }
  b.add('');
  b.force('</details>');
  b.add('');
}

function expiredSection(report: Report, b: Budget): void {
  const list = report.expiredWaivers;
  if (list.length === 0) return;
  if (!b.add(`<details><summary>Expired waivers (${list.length})</summary>`)) {
    b.omittedOther += list.length;
    return;
  }
  b.add('');
  b.add('| Waiver | Checks | Expired | Reason |');
  b.add('| --- | --- | --- | --- |');
  for (const w of list) {
    const where = w.location ? ` (${w.location.path}:${w.location.startLine})` : '';
    b.row(`| ${cell(`${w.source}${where}`)} | ${cell(w.checks.join(', '))} | ${cell(w.expires)} | ${cell(w.reason)} |`, false);
  }
  b.add('');
  b.force('</details>');
  b.add('');
}

function location(f: Finding): string {
  return cell(`${f.location.path}:${f.location.startLine}`);
}

function checkLink(f: Finding, ctx: FormatContext): string {
  return `[${cell(`${f.checkId} ${f.slug}`)}](${docsUrl(ctx.docsBaseUrl, f.slug).replace(/[()\s]/g, encodeURIComponent)})`;
}

/**
 * Text for one table cell: one line, control characters made visible, Markdown and HTML syntax escaped (so `|` cannot
 * split the row and `<script>` or a backtick stays literal), and `@name` broken so a manifest cannot ping people.
 */
export function cell(s: string): string {
  let t = sanitizeInline(s);
  if ([...t].length > MAX_CELL_CHARS) t = `${[...t].slice(0, MAX_CELL_CHARS - 1).join('')}…`;
  return t
    .replace(/[\\`*_{}[\]<>()#+!|~&$]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`))
    .replace(/@(?=\w)/g, '@\u200B');
}
