import type { Finding, SuppressionMechanism } from '../../core/finding.js';
import type { Location } from '../../core/location.js';
import type { TargetIssue } from '../../core/report.js';
import { SECURITY_SEVERITY, type Severity } from '../../core/severity.js';
import { defineFormatter } from '../define-formatter.js';
import { docsUrl, normalizePath, normalizeReport, resourceLabel, stringifyJson } from '../_lib/text.js';

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

    const sources: RuleSource[] = [...ctx.checks];
    const index = new Map(sources.map((r, i) => [r.id, i]));
    // A finding whose check is not in ctx.checks still needs a rule; derive one from the finding itself.
    for (const f of report.findings) {
      if (!index.has(f.checkId)) {
        index.set(f.checkId, sources.length);
        sources.push(fromFinding(f));
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
              rules: sources.map((r) => rule(r, ctx.docsBaseUrl)),
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

function rule(r: RuleSource, docsBaseUrl: string) {
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
    properties: { severity: f.severity, category: f.category, dataPath: f.dataPath },
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
