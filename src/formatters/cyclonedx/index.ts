import { createHash } from 'node:crypto';
import type { CvssScore, Finding, VulnerabilityDetail } from '../../core/finding.js';
import type { Package } from '../../core/package.js';
import type { Report } from '../../core/report.js';
import { defineFormatter, type FormatContext } from '../define-formatter.js';
import { MECHANISM_LABEL, compareStrings, normalizePath, normalizeReport, stringifyJson } from '../_lib/text.js';
import { CYCLONEDX_JUSTIFICATION, advisoryUrl, vexDecisionOf } from '../openvex/status.js';

export const CYCLONEDX_SCHEMA = 'http://cyclonedx.org/schema/bom-1.6.schema.json';
/** bom-ref of the component the BOM describes; purls (every other bom-ref) start with `pkg:`, so it cannot collide. */
export const ROOT_REF = 'palisade:scan-root';

interface Property {
  name: string;
  value: string;
}

interface Component {
  type: 'library' | 'application' | 'container';
  'bom-ref': string;
  group?: string;
  name: string;
  version?: string;
  purl?: string;
  properties?: Property[];
}

interface Rating {
  source?: { name: string; url?: string };
  score?: number;
  severity: string;
  method?: string;
  vector?: string;
}

/**
 * CycloneDX 1.6 JSON: the inventory as components (one per purl) and the vulnerability findings as `vulnerabilities`
 * with ratings, advice and, for suppressed ones, the VEX `analysis`. Built as plain JSON rather than through
 * @cyclonedx/cyclonedx-library's models: the output must be byte-stable for snapshots and the library's serializer adds
 * nothing the schema test (bom-1.6 from the same library) does not already guarantee.
 */
export default defineFormatter({
  id: 'cyclonedx',
  mediaType: 'application/vnd.cyclonedx+json',
  extension: 'cdx.json',
  format(input, ctx) {
    const report = normalizeReport(input, ctx.cwd);
    const components = componentsOf(report, ctx.cwd);
    const vulnerabilities = vulnerabilitiesOf(report.findings);
    const body = {
      metadata: {
        timestamp: ctx.now,
        tools: {
          components: [{ type: 'application', name: ctx.toolName, version: ctx.toolVersion, externalReferences: [{ type: 'website', url: ctx.informationUri }] }],
        },
        component: rootComponent(report, ctx),
      },
      components,
      ...(vulnerabilities.length > 0 ? { vulnerabilities } : {}),
    };
    const bom = {
      $schema: CYCLONEDX_SCHEMA,
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      serialNumber: `urn:uuid:${contentUuid(JSON.stringify([ctx.toolName, ctx.toolVersion, body]))}`,
      version: 1,
      ...body,
    };
    return stringifyJson(bom);
  },
});

/**
 * A UUID derived from the content (version 5 layout over SHA-256 instead of SHA-1): the same report always gets the same
 * serial number, so snapshots and reproducible builds hold, and a changed report gets a new one.
 */
export function contentUuid(content: string): string {
  const b = createHash('sha256').update(content).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function rootComponent(report: Report, ctx: FormatContext): Component {
  const images = report.targets.filter((t) => t.kind === 'image');
  if (images.length === 1 && report.targets.length === 1) return { type: 'container', 'bom-ref': ROOT_REF, name: images[0]!.path };
  const cwd = normalizePath(ctx.cwd).replace(/\/+$/, '');
  const name = cwd.slice(cwd.lastIndexOf('/') + 1) || cwd || '.';
  return { type: 'application', 'bom-ref': ROOT_REF, name };
}

/** `group` where the ecosystem has one: Maven groupId, npm scope, Composer vendor. */
function splitGroup(p: Pick<Package, 'ecosystem' | 'name'>): { group?: string; name: string } {
  const eco = p.ecosystem;
  const at = (sep: string, from = 0): { group?: string; name: string } => {
    const i = p.name.indexOf(sep, from);
    return i > 0 ? { group: p.name.slice(0, i), name: p.name.slice(i + 1) } : { name: p.name };
  };
  if (eco === 'Maven') return at(':');
  if (eco === 'npm' && p.name.startsWith('@')) return at('/');
  if (eco === 'Packagist') return at('/');
  return { name: p.name };
}

function refOf(p: Pick<Package, 'purl' | 'ecosystem' | 'name' | 'version'>): string {
  return p.purl !== '' ? p.purl : `palisade:package:${p.ecosystem}/${p.name}@${p.version}`;
}

interface Entry {
  pkg: Pick<Package, 'ecosystem' | 'name' | 'version' | 'purl'>;
  locations: string[];
  layers: string[];
  dev: boolean[];
  source?: { name: string; version: string };
}

function componentsOf(report: Report, cwd: string): Component[] {
  const entries = new Map<string, Entry>();
  const entry = (pkg: Entry['pkg']): Entry => {
    const ref = refOf(pkg);
    let e = entries.get(ref);
    if (!e) entries.set(ref, (e = { pkg, locations: [], layers: [], dev: [] }));
    return e;
  };
  for (const p of report.inventory ?? []) {
    const e = entry(p);
    const where = `${normalizePath(p.location.path, cwd)}:${p.location.startLine}`;
    if (!e.locations.includes(where)) e.locations.push(where);
    if (p.layer && !e.layers.includes(p.layer.digest)) e.layers.push(p.layer.digest);
    e.dev.push(p.dev === true);
    if (p.source && !e.source) e.source = { ...p.source };
  }
  // A finding's package is in the inventory whenever the scanner filled it; this keeps `affects` resolvable when not.
  for (const f of report.findings) if (f.vulnerability) entry(f.vulnerability.package);

  return [...entries.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([ref, e]) => {
      const properties: Property[] = [
        ...e.locations.map((value) => ({ name: 'palisade:location', value })),
        ...e.layers.map((value) => ({ name: 'palisade:layer', value })),
        // Dev only when every place that declares it says so: one production use makes it shipped code.
        ...(e.dev.length > 0 && e.dev.every(Boolean) ? [{ name: 'palisade:dev', value: 'true' }] : []),
        ...(e.source ? [{ name: 'palisade:source:name', value: e.source.name }, { name: 'palisade:source:version', value: e.source.version }] : []),
      ];
      const { group, name } = splitGroup(e.pkg);
      return {
        type: 'library' as const,
        'bom-ref': ref,
        ...(group !== undefined ? { group } : {}),
        name,
        ...(e.pkg.version !== '' ? { version: e.pkg.version } : {}),
        ...(e.pkg.purl !== '' ? { purl: e.pkg.purl } : {}),
        ...(properties.length > 0 ? { properties } : {}),
      };
    });
}

const METHOD: Record<CvssScore['version'], string> = { '2.0': 'CVSSv2', '3.0': 'CVSSv3', '3.1': 'CVSSv31', '4.0': 'CVSSv4' };

function scoreSeverity(score: number): string {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

function ratings(f: Finding, v: VulnerabilityDetail): Rating[] {
  if (v.cvss.length > 0) {
    return v.cvss.map((c) => ({ score: c.score, severity: scoreSeverity(c.score), method: METHOD[c.version], vector: c.vector }));
  }
  if (v.severitySource === 'ecosystem') return [{ source: { name: 'OSV', url: advisoryUrl(v.id) }, severity: f.severity, method: 'other' }];
  return [{ severity: 'unknown' }];
}

/** Where an alias is documented by whoever assigned it; OSV for the rest. */
function aliasSource(id: string): { name: string; url: string } {
  if (/^CVE-\d+-\d+$/.test(id)) return { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` };
  if (/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(id)) return { name: 'GitHub Advisories', url: `https://github.com/advisories/${id}` };
  return { name: 'OSV', url: advisoryUrl(id) };
}

function analysis(f: Finding): Record<string, string> | undefined {
  const s = f.suppressed;
  if (!s) return undefined;
  const d = vexDecisionOf(s);
  const who = `Suppressed by ${MECHANISM_LABEL[s.by] ?? s.by}${s.source ? ` (${s.source})` : ''}${s.expires ? ` until ${s.expires}` : ''}`;
  return {
    state: d.status === 'fixed' ? 'resolved' : 'not_affected',
    ...(d.justification ? { justification: CYCLONEDX_JUSTIFICATION[d.justification] } : {}),
    detail: d.statement !== '' ? `${d.statement} — ${who}` : who,
  };
}

/** CycloneDX wants RFC 3339 date-times; an advisory with a sloppier date loses the field rather than the BOM its validity. */
function isDateTime(s: string | undefined): s is string {
  return s !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s);
}

function vulnerabilitiesOf(findings: readonly Finding[]): unknown[] {
  // One entry per advisory and decision: packages hit by the same advisory share it, unless they were judged differently.
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.vulnerability) continue;
    const key = `${f.vulnerability.id}\u0000${JSON.stringify(analysis(f) ?? null)}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const v = first.vulnerability!;
    const aliases = [...new Set(group.flatMap((f) => f.vulnerability!.aliases))].filter((a) => a !== v.id);
    const advice = [...new Set(group.map((f) => f.remediation).filter((r) => r !== ''))];
    const refs = [...new Set(group.map((f) => refOf(f.vulnerability!.package)))];
    const a = analysis(first);
    const fixed = [...new Set(group.flatMap((f) => f.vulnerability!.fixedVersions))];
    const properties: Property[] = [
      ...(v.informational !== undefined ? [{ name: 'palisade:informational', value: v.informational }] : []),
      ...fixed.map((value) => ({ name: 'palisade:fixedVersion', value })),
      { name: 'palisade:severity', value: first.severity },
      { name: 'palisade:severitySource', value: v.severitySource },
    ];
    return {
      id: v.id,
      source: { name: 'OSV', url: advisoryUrl(v.id) },
      ...(aliases.length > 0 ? { references: aliases.map((id) => ({ id, source: aliasSource(id) })) } : {}),
      ratings: ratings(first, v),
      ...(v.summary !== '' ? { description: v.summary } : {}),
      ...(advice.length > 0 ? { recommendation: advice.join(' ') } : {}),
      ...(isDateTime(v.published) ? { published: v.published } : {}),
      ...(isDateTime(v.modified) ? { updated: v.modified } : {}),
      ...(a ? { analysis: a } : {}),
      affects: refs.map((ref) => ({ ref })),
      properties,
    };
  });
}
