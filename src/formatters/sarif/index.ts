import type { Finding, SuppressionMechanism } from '../../core/finding.js';
import type { Location } from '../../core/location.js';
import type { TargetIssue } from '../../core/report.js';
import { SECURITY_SEVERITY, bySeverityDesc, type Severity } from '../../core/severity.js';
import { defineFormatter } from '../define-formatter.js';
import { docsUrl, normalizePath, normalizeReport, resourceLabel, stringifyJson } from '../_lib/text.js';
import { advisoryUrl } from '../openvex/status.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning's own scale, shown next to security-severity. */
const PROBLEM_SEVERITY: Record<Severity, 'error' | 'warning' | 'recommendation'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'recommendation',
  info: 'recommendation',
};
/** Annotations and comments live in the manifest; a waiver file is outside it. */
const SUPPRESSION_KIND: Record<SuppressionMechanism, 'inSource' | 'external'> = {
  annotation: 'inSource',
  'waiver-file': 'external',
  'checkov-annotation': 'inSource',
  'checkov-comment': 'inSource',
  'kube-linter-annotation': 'inSource',
  'polaris-annotation': 'inSource',
  vex: 'external',
  'palisade-comment': 'inSource',
  'hadolint-comment': 'inSource',
  'trivy-comment': 'inSource',
};

interface RuleSource {
  id: string;
  slug: string;
  title: string;
  description: string;
  rationale: string;
  remediation: string;
  references: readonly string[];
  category: string;
  severity: Severity;
  aliases: readonly string[];
}

export default defineFormatter({
  id: 'sarif',
  mediaType: 'application/sarif+json',
  extension: 'sarif',
  format(input, ctx) {
    const report = normalizeReport(input, ctx.cwd);
    const cwd = normalizePath(ctx.cwd).replace(/\/+$/, '');

    const rules = ctx.checks.map((c) => rule(c, ctx.docsBaseUrl));
    const index = new Map(ctx.checks.map((r, i) => [r.id, i]));
    // A finding whose check is not in ctx.checks still needs a rule; derive one from the finding itself. An advisory is
    // a rule of its own (GitHub groups alerts by rule), described from every finding it produced.
    for (const f of report.findings) {
      if (!index.has(f.checkId)) {
        index.set(f.checkId, rules.length);
        rules.push(f.vulnerability ? advisoryRule(report.findings.filter((g) => g.checkId === f.checkId && g.vulnerability)) : rule(fromFinding(f), ctx.docsBaseUrl));
      }
    }

    const notifications = report.targets.flatMap((t) => [
      ...t.errors.map((e) => notification(e, 'error', cwd, index)),
      ...t.warnings.map((w) => notification(w, 'warning', cwd, index)),
    ]);

    const sarif = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: ctx.toolName,
              version: ctx.toolVersion,
              informationUri: ctx.informationUri,
              rules,
            },
          },
          invocations: [
            {
              executionSuccessful: report.targets.every((t) => t.errors.length === 0),
              endTimeUtc: report.generatedAt,
              ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
            },
          ],
          originalUriBaseIds: { [SRCROOT]: { uri: withTrailingSlash(fileUri(cwd || '/')) } },
          columnKind: 'utf16CodeUnits',
          results: report.findings.map((f) => result(f, index.get(f.checkId)!, cwd)),
        },
      ],
    };
    return stringifyJson(sarif);
  },
});

function fromFinding(f: Finding): RuleSource {
  return {
    id: f.checkId,
    slug: f.slug,
    title: f.title,
    description: f.title,
    rationale: f.title,
    remediation: f.remediation,
    references: f.references,
    category: f.category,
    severity: f.severity,
    aliases: [],
  };
}

function rule(r: RuleSource, docsBaseUrl: string): Record<string, unknown> {
  const references = r.references.map((u) => `- ${u}`).join('\n');
  return {
    id: r.id,
    name: r.slug,
    ...(r.aliases.length > 0 ? { deprecatedIds: [...r.aliases] } : {}),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    help: {
      text: `${r.rationale}\n\nRemediation: ${r.remediation}${references ? `\n\nReferences:\n${references}` : ''}`,
      markdown: `${r.rationale}\n\n**Remediation**\n\n${r.remediation}${references ? `\n\n**References**\n\n${references}` : ''}`,
    },
    helpUri: docsUrl(docsBaseUrl, r.slug),
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      tags: [r.category, 'security'],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[r.severity],
      'problem.severity': PROBLEM_SEVERITY[r.severity],
    },
  };
}

/** The highest CVSS base score of the advisory's findings, else the severity Palisade assigned, on GitHub's 0–10 scale. */
function advisorySecuritySeverity(group: readonly Finding[]): string {
  const scores = group.flatMap((f) => f.vulnerability!.cvss.map((c) => c.score));
  if (scores.length > 0) return Math.max(...scores).toFixed(1);
  const worst = [...group].sort((a, b) => bySeverityDesc(a.severity, b.severity))[0]!.severity;
  return SECURITY_SEVERITY[worst];
}

function advisoryRule(group: readonly Finding[]): Record<string, unknown> {
  const first = group[0]!;
  const v = first.vulnerability!;
  const severity = [...group].sort((a, b) => bySeverityDesc(a.severity, b.severity))[0]!.severity;
  const aliases = [...new Set(group.flatMap((f) => f.vulnerability!.aliases))].filter((a) => a !== v.id);
  const summary = v.summary !== '' ? v.summary : `${v.id} in ${v.package.name}`;
  const packages = [...new Map(group.map((f) => [f.vulnerability!.package.purl || f.vulnerability!.package.name, f])).values()].map((f) => {
    const p = f.vulnerability!;
    const fix = p.upgradeTo !== undefined ? `upgrade to ${p.upgradeTo}` : p.fixedVersions.length > 0 ? `fixed in ${p.fixedVersions.join(', ')}` : 'no fixed version';
    return `${p.package.name} ${p.package.version} (${p.package.ecosystem}): ${fix}`;
  });
  const refs = [advisoryUrl(v.id), ...new Set(group.flatMap((f) => f.references))].filter((u, i, all) => all.indexOf(u) === i);
  const remediation = [...new Set(group.map((f) => f.remediation))].join(' ');
  const kind = v.informational !== undefined ? `Informational advisory (${v.informational}).` : '';
  const lines = (bullet: string[]): string => bullet.map((l) => `- ${l}`).join('\n');
  return {
    id: v.id,
    name: first.slug,
    shortDescription: { text: summary },
    fullDescription: { text: `${kind ? `${kind} ` : ''}${summary}${aliases.length > 0 ? ` (${aliases.join(', ')})` : ''}` },
    help: {
      text: `${kind ? `${kind}\n\n` : ''}${summary}${aliases.length > 0 ? `\n\nAliases: ${aliases.join(', ')}` : ''}\n\nAffected packages:\n${lines(packages)}\n\nRemediation: ${remediation}\n\nReferences:\n${lines(refs)}`,
      markdown: `${kind ? `${kind}\n\n` : ''}**${summary}**${aliases.length > 0 ? `\n\nAliases: ${aliases.join(', ')}` : ''}\n\n**Affected packages**\n\n${lines(packages)}\n\n**Remediation**\n\n${remediation}\n\n**References**\n\n${lines(refs)}`,
    },
    helpUri: advisoryUrl(v.id),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags: ['vulnerability', 'security', ...new Set(group.map((f) => f.vulnerability!.package.ecosystem.split(':')[0]!))],
      precision: 'very-high',
      'security-severity': advisorySecuritySeverity(group),
      'problem.severity': PROBLEM_SEVERITY[severity],
    },
  };
}

function result(f: Finding, ruleIndex: number, cwd: string) {
  const label = resourceLabel(f.resource);
  return {
    ruleId: f.checkId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: physicalLocation(f.location, cwd),
        ...(label !== ''
          ? { logicalLocations: [{ name: f.resource.name || label, fullyQualifiedName: label, kind: 'resource' }] }
          : {}),
      },
    ],
    partialFingerprints: { 'palisade/v1': f.fingerprint },
    ...(f.suppressed
      ? {
          suppressions: [
            {
              kind: SUPPRESSION_KIND[f.suppressed.by] ?? 'external',
              status: 'accepted',
              justification: f.suppressed.reason,
              properties: {
                mechanism: f.suppressed.by,
                expires: f.suppressed.expires,
                ...(f.suppressed.owner !== undefined ? { owner: f.suppressed.owner } : {}),
                ...(f.suppressed.ticket !== undefined ? { ticket: f.suppressed.ticket } : {}),
                ...(f.suppressed.source !== undefined ? { source: f.suppressed.source } : {}),
              },
            },
          ],
        }
      : {}),
    properties: f.vulnerability
      ? {
          severity: f.severity,
          category: f.category,
          purl: f.vulnerability.package.purl,
          installedVersion: f.vulnerability.package.version,
          fixedVersions: [...f.vulnerability.fixedVersions],
          ...(f.vulnerability.upgradeTo !== undefined ? { upgradeTo: f.vulnerability.upgradeTo } : {}),
          ...(f.vulnerability.layer !== undefined ? { layer: f.vulnerability.layer.digest } : {}),
        }
      : { severity: f.severity, category: f.category, dataPath: f.dataPath },
  };
}

function notification(issue: TargetIssue, level: 'error' | 'warning', cwd: string, index: Map<string, number>) {
  const ruleIndex = issue.checkId !== undefined ? index.get(issue.checkId) : undefined;
  return {
    level,
    message: { text: issue.message },
    descriptor: { id: issue.code },
    ...(issue.checkId !== undefined
      ? { associatedRule: { id: issue.checkId, ...(ruleIndex !== undefined ? { index: ruleIndex } : {}) } }
      : {}),
    locations: [{ physicalLocation: physicalLocation(issue.location, cwd) }],
  };
}

function physicalLocation(l: Location, cwd: string) {
  const startLine = Math.max(1, l.startLine);
  const startColumn = Math.max(1, l.startColumn);
  const endLine = Math.max(startLine, l.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, l.endColumn) : Math.max(1, l.endColumn);
  return { artifactLocation: artifactLocation(l.path, cwd), region: { startLine, startColumn, endLine, endColumn } };
}

const ABSOLUTE = /^(\/|[A-Za-z]:\/)/;

/** Relative to %SRCROOT% when the file is under cwd (the usual case); a file URI when it is elsewhere. */
export function artifactLocation(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  const p = normalizePath(path, cwd);
  if (ABSOLUTE.test(p)) return { uri: fileUri(p) };
  return { uri: p.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** `/work/repo` → `file:///work/repo`, `C:/src` → `file:///C:/src`, `//host/share/x` → `file://host/share/x`. */
export function fileUri(absolute: string): string {
  const p = normalizePath(absolute);
  if (p.startsWith('//')) {
    const [host = '', ...rest] = p.slice(2).split('/');
    return `file://${encodeURIComponent(host)}/${rest.map(encodeURIComponent).join('/')}`;
  }
  const segments = (p.startsWith('/') ? p.slice(1) : p).split('/');
  const encoded = segments.map((s, i) => (i === 0 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s)));
  return `file:///${encoded.join('/')}`;
}

function withTrailingSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}
