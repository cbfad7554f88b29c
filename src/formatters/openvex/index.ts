import { createHash } from 'node:crypto';
import type { Finding, VulnerabilityDetail } from '../../core/finding.js';
import { defineFormatter } from '../define-formatter.js';
import { MECHANISM_LABEL, compareStrings, stringifyJson } from '../_lib/text.js';
import { vexDecisionOf } from './status.js';

export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0';

interface Statement {
  vulnerability: { name: string; aliases?: string[] };
  products: { '@id': string }[];
  status: 'not_affected' | 'affected' | 'fixed';
  justification?: string;
  impact_statement?: string;
  action_statement?: string;
  status_notes?: string;
}

/**
 * OpenVEX 0.2.0: what this scan decided about each vulnerability. A suppressed finding (waiver or VEX) is `not_affected`
 * (or `fixed`, when a VEX statement said so); an active one is `affected` with the upgrade advice as action statement, so
 * the document is a complete picture that downstream tools (and `--vex` on the next scan) can consume. Informational
 * advisories (RustSec `unmaintained`, …) are not vulnerabilities and get no statement.
 *
 * OpenVEX requires at least one statement; a report without vulnerability findings yields an empty `statements` list,
 * which says "nothing to state" and which strict validators reject (docs/sbom-vex.md).
 */
export default defineFormatter({
  id: 'openvex',
  mediaType: 'application/openvex+json',
  extension: 'openvex.json',
  format(report, ctx) {
    const seen = new Set<string>();
    const statements: Statement[] = [];
    for (const f of report.findings) {
      const v = f.vulnerability;
      if (!v) continue;
      const s = f.suppressed ? suppressedStatement(f, v) : v.informational === undefined ? affectedStatement(f, v) : undefined;
      if (!s) continue;
      // Two lockfiles with the same package give the same statement; OpenVEX wants statements unique.
      const key = JSON.stringify(s);
      if (seen.has(key)) continue;
      seen.add(key);
      statements.push(s);
    }
    statements.sort(
      (a, b) =>
        compareStrings(a.vulnerability.name, b.vulnerability.name) ||
        compareStrings(a.products[0]!['@id'], b.products[0]!['@id']) ||
        compareStrings(a.status, b.status),
    );
    const digest = createHash('sha256').update(JSON.stringify([ctx.toolName, ctx.toolVersion, ctx.now, statements])).digest('hex');
    const doc = {
      '@context': OPENVEX_CONTEXT,
      // vexctl's own convention for documents without a publisher URL.
      '@id': `https://openvex.dev/docs/public/vex-${digest}`,
      author: ctx.toolName,
      timestamp: ctx.now,
      version: 1,
      tooling: `${ctx.toolName} ${ctx.toolVersion}`,
      statements,
    };
    return stringifyJson(doc);
  },
});

function base(v: VulnerabilityDetail): Pick<Statement, 'vulnerability' | 'products'> {
  const aliases = [...new Set(v.aliases)].filter((a) => a !== v.id);
  return {
    vulnerability: { name: v.id, ...(aliases.length > 0 ? { aliases } : {}) },
    products: [{ '@id': productId(v) }],
  };
}

/** The package's purl; a package without one (never from Palisade's own readers) gets a generic purl so it stays addressable. */
export function productId(v: VulnerabilityDetail): string {
  if (v.package.purl !== '') return v.package.purl;
  return `pkg:generic/${encodeURIComponent(v.package.name)}@${encodeURIComponent(v.package.version)}`;
}

function suppressedStatement(f: Finding, v: VulnerabilityDetail): Statement {
  const s = f.suppressed!;
  const d = vexDecisionOf(s);
  const who = [
    `Suppressed by ${MECHANISM_LABEL[s.by] ?? s.by}`,
    s.source ? `source ${s.source}` : '',
    s.owner ? `owner ${s.owner}` : '',
    s.ticket ? `ticket ${s.ticket}` : '',
    s.expires ? `expires ${s.expires}` : '',
  ]
    .filter((p) => p !== '')
    .join(', ');
  if (d.status === 'fixed') {
    return { ...base(v), status: 'fixed', status_notes: d.statement !== '' ? `${d.statement} (${who})` : who };
  }
  return {
    ...base(v),
    status: 'not_affected',
    ...(d.justification ? { justification: d.justification } : {}),
    // not_affected needs a justification or an impact statement; a waiver without a reason still says who decided.
    ...(d.statement !== '' || !d.justification ? { impact_statement: d.statement !== '' ? d.statement : who } : {}),
    status_notes: who,
  };
}

function affectedStatement(f: Finding, v: VulnerabilityDetail): Statement {
  return { ...base(v), status: 'affected', action_statement: f.remediation };
}
