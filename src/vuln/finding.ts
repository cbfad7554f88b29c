import type { Finding, Resource, VulnerabilityDetail } from '../core/finding.js';
import { fingerprintOf } from '../core/fingerprint.js';
import type { VulnMatch } from './match.js';

const NO_RESOURCE: Resource = { apiVersion: '', kind: '', namespace: '', name: '' };
const MAX_REFERENCES = 10;

/** The IDs worth naming in a message: CVEs first (what people search for), at most three. */
function shownAliases(aliases: readonly string[]): string[] {
  const cves = aliases.filter((a) => a.startsWith('CVE-'));
  const others = aliases.filter((a) => !a.startsWith('CVE-'));
  return [...cves, ...others].slice(0, 3);
}

function references(m: VulnMatch): string[] {
  const out: string[] = [];
  for (const r of m.records) {
    for (const ref of r.references ?? []) {
      const url = typeof ref?.url === 'string' ? ref.url.trim() : '';
      if (url.startsWith('https://') && !out.includes(url)) out.push(url);
      if (out.length === MAX_REFERENCES) return out;
    }
  }
  return out;
}

/**
 * The finding for one match. Its fingerprint is the advisory, the package's ecosystem and name, and the file: it survives a
 * version bump that does not fix the advisory and a line move, and changes when the package or the advisory does.
 */
export function vulnFinding(m: VulnMatch, upgradeTo: string | undefined): Finding {
  const p = m.package;
  const shown = shownAliases(m.aliases);
  const named = shown.length > 0 ? `${m.id} (${shown.join(', ')})` : m.id;
  const fixed = m.fixedVersions.length > 0 ? `Fixed in ${m.fixedVersions.join(', ')}.` : 'No fixed version yet.';
  const what = m.informational !== undefined ? `an informational advisory (${m.informational})` : '';
  const message = `${p.name} ${p.version} is affected by ${what === '' ? named : `${what}, ${named}`}${m.summary !== '' ? `: ${m.summary.replace(/\.$/, '')}` : ''}. ${fixed}`;

  let remediation: string;
  if (upgradeTo !== undefined) remediation = `Upgrade ${p.name} to ${upgradeTo} or later.`;
  else if (m.fixedVersions.length > 0)
    remediation = `Upgrade ${p.name} to a fixed version (${m.fixedVersions.join(', ')}); no single version clears every advisory of this package, so check each.`;
  else remediation = `No fix is available; remove or replace ${p.name}, or waive this finding with the reason it does not apply.`;

  const vulnerability: VulnerabilityDetail = {
    id: m.id,
    aliases: [...m.aliases],
    summary: m.summary,
    package: { ecosystem: p.ecosystem, name: p.name, version: p.version, purl: p.purl },
    fixedVersions: [...m.fixedVersions],
    cvss: m.cvss.map((c) => ({ ...c })),
    severitySource: m.severitySource,
  };
  if (upgradeTo !== undefined) vulnerability.upgradeTo = upgradeTo;
  if (m.informational !== undefined) vulnerability.informational = m.informational;
  if (p.layer !== undefined) vulnerability.layer = { index: p.layer.index, digest: p.layer.digest };
  if (typeof m.record.published === 'string') vulnerability.published = m.record.published;
  if (typeof m.record.modified === 'string') vulnerability.modified = m.record.modified;

  return {
    fingerprint: fingerprintOf(m.id, NO_RESOURCE, `${p.ecosystem}|${p.name}`, p.location.path),
    checkId: m.id,
    slug: m.informational !== undefined ? 'informational-advisory' : 'vulnerable-package',
    title: m.summary !== '' ? m.summary : `${m.id} in ${p.name}`,
    severity: m.severity,
    category: 'vulnerability',
    message,
    location: { ...p.location },
    dataPath: '',
    resource: { ...NO_RESOURCE },
    remediation,
    references: references(m),
    peers: [],
    suppressed: null,
    vulnerability,
  };
}
