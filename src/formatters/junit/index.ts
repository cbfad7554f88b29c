import type { Finding } from '../../core/finding.js';
import type { Report, Target } from '../../core/report.js';
import { bySeverityDesc } from '../../core/severity.js';
import { defineFormatter } from '../define-formatter.js';
import { MECHANISM_LABEL, compareFindings, docsUrl, normalizeReport, resourceLabel } from '../_lib/text.js';
import { advisoryUrl } from '../openvex/status.js';

interface TestCase {
  name: string;
  file?: string;
  line?: number;
  /** Already-serialised child element (failure, error, skipped), or '' for a passing test. */
  child: string;
  outcome: 'passed' | 'failure' | 'error' | 'skipped';
}

interface Suite {
  name: string;
  cases: TestCase[];
  systemOut: string[];
}

/**
 * One testsuite per scanned file, one testcase per (resource, check), so CI test views (GitLab, Jenkins, Azure) show each
 * problem once. A file without findings gets one passing testcase so it is visibly scanned.
 */
export default defineFormatter({
  id: 'junit',
  mediaType: 'application/xml',
  extension: 'xml',
  format(input, ctx) {
    const report = normalizeReport(input, ctx.cwd);
    const suites = [...report.targets.map((t) => targetSuite(t, report, ctx.docsBaseUrl))];
    const known = new Set(report.targets.map((t) => t.path));
    const orphanPaths = [...new Set(report.findings.map((f) => f.location.path).filter((p) => !known.has(p)))].sort();
    for (const path of orphanPaths) suites.push(findingSuite(path, report, ctx.docsBaseUrl));
    if (report.expiredWaivers.length > 0) suites.push(waiverSuite(report));

    const all = suites.flatMap((s) => s.cases);
    const out = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites${attrs({ name: ctx.toolName, ...counts(all), time: '0', timestamp: report.generatedAt })}>`,
    ];
    for (const s of suites) {
      out.push(`  <testsuite${attrs({ name: s.name, ...counts(s.cases), time: '0', timestamp: report.generatedAt })}>`);
      for (const c of s.cases) {
        const a = attrs({ name: c.name, classname: s.name, file: c.file, line: c.line, time: '0' });
        out.push(c.child === '' ? `    <testcase${a}/>` : `    <testcase${a}>\n      ${c.child}\n    </testcase>`);
      }
      if (s.systemOut.length > 0) out.push(`    <system-out>${text(s.systemOut.join('\n'))}</system-out>`);
      out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return `${out.join('\n')}\n`;
  },
});

function targetSuite(t: Target, report: Report, docsBaseUrl: string): Suite {
  const suite = findingSuite(t.path, report, docsBaseUrl);
  for (const e of t.errors) {
    const l = e.location;
    const where = `${l.path}:${l.startLine}:${l.startColumn}`;
    suite.cases.push({
      name: `error: ${e.code}${e.checkId ? ` (${e.checkId})` : ''}`,
      file: l.path,
      line: l.startLine,
      child: `<error${attrs({ message: e.message, type: e.code })}>${text(`${where}\n${e.message}`)}</error>`,
      outcome: 'error',
    });
  }
  suite.systemOut.push(
    ...t.warnings.map((w) => `warning ${w.location.path}:${w.location.startLine}:${w.location.startColumn} ${w.code}: ${w.message}`),
  );
  if (suite.cases.length === 0) suite.cases.push({ name: 'no findings', file: t.path, child: '', outcome: 'passed' });
  return suite;
}

function findingSuite(path: string, report: Report, docsBaseUrl: string): Suite {
  const findings = report.findings.filter((f) => f.location.path === path).sort(compareFindings);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    // Suppressed findings only share a testcase when they were silenced the same way for the same reason.
    const why = f.suppressed ? ['suppressed', f.suppressed.by, f.suppressed.reason] : ['active'];
    // The same advisory in two packages of one lockfile is two problems with two fixes.
    const key = [resourceLabel(f.resource), f.checkId, f.vulnerability?.package.purl ?? '', ...why].join('\u0000');
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const cases = [...groups.values()].map((g) => findingCase(g, docsBaseUrl));
  return { name: path, cases, systemOut: [] };
}

function findingCase(group: Finding[], docsBaseUrl: string): TestCase {
  const first = group[0]!;
  const resource = resourceLabel(first.resource);
  const v = first.vulnerability;
  const label = v ? `${first.checkId} ${v.package.name}@${v.package.version}` : `${first.checkId} ${first.slug}${resource ? ` ${resource}` : ''}`;
  const name = `${label}${first.suppressed ? ' (suppressed)' : ''}`;
  const more = group.length > 1 ? ` (+${group.length - 1} more)` : '';
  const base = { name, file: first.location.path, line: first.location.startLine };
  if (first.suppressed) {
    const s = first.suppressed;
    const message = `suppressed by ${MECHANISM_LABEL[s.by] ?? s.by}: ${s.reason || '(no reason given)'}${s.expires ? ` (expires ${s.expires})` : ''}${more}`;
    return { ...base, child: `<skipped${attrs({ message })}/>`, outcome: 'skipped' };
  }
  const severity = [...group].sort((a, b) => bySeverityDesc(a.severity, b.severity))[0]!.severity;
  const body = [
    v ? `${severity} ${first.checkId}${v.aliases.length > 0 ? ` (${v.aliases.join(', ')})` : ''}: ${first.title}` : `${severity} ${first.checkId} ${first.slug}: ${first.title}`,
    ...(v ? [`Package: ${v.package.name} ${v.package.version} (${v.package.purl || v.package.ecosystem})`] : []),
    ...(resource ? [`Resource: ${resource}`] : []),
    '',
    ...group.flatMap((f) => [
      `${f.location.path}:${f.location.startLine}:${f.location.startColumn} [${f.severity}] ${f.message}`,
      ...(f.dataPath ? [`  at ${f.dataPath}`] : []),
    ]),
    '',
    `Remediation: ${first.remediation}`,
    v ? `Advisory: ${advisoryUrl(v.id)}` : `Docs: ${docsUrl(docsBaseUrl, first.slug)}`,
  ].join('\n');
  return {
    ...base,
    child: `<failure${attrs({ message: `${first.message}${more}`, type: severity })}>${text(body)}</failure>`,
    outcome: 'failure',
  };
}

function waiverSuite(report: Report): Suite {
  const cases = report.expiredWaivers.map((w): TestCase => {
    const message = `waiver ${w.source} for ${w.checks.join(', ')} expired on ${w.expires}: ${w.reason}`;
    return {
      name: `expired waiver ${w.source}`,
      ...(w.location ? { file: w.location.path, line: w.location.startLine } : {}),
      child: `<skipped${attrs({ message })}/>`,
      outcome: 'skipped',
    };
  });
  return { name: 'expired waivers', cases, systemOut: [] };
}

function counts(cases: TestCase[]): Record<'tests' | 'failures' | 'errors' | 'skipped', number> {
  const n = (o: TestCase['outcome']): number => cases.filter((c) => c.outcome === o).length;
  return { tests: cases.length, failures: n('failure'), errors: n('error'), skipped: n('skipped') };
}

// Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) and, because CI pages and logs
// display this text, DEL, C1 controls and bidi overrides. They become visible escapes such as `\x1B`.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${attr(String(v))}"`)
    .join('');
}
