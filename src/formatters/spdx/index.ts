import { createHash } from 'node:crypto';
import type { Finding } from '../../core/finding.js';
import type { Package } from '../../core/package.js';
import type { Report } from '../../core/report.js';
import { defineFormatter, type FormatContext } from '../define-formatter.js';
import { MECHANISM_LABEL, compareStrings, normalizePath, normalizeReport, stringifyJson } from '../_lib/text.js';
import { advisoryUrl } from '../openvex/status.js';

export const ROOT_SPDXID = 'SPDXRef-RootPackage';

interface ExternalRef {
  referenceCategory: 'PACKAGE-MANAGER' | 'SECURITY';
  referenceType: string;
  referenceLocator: string;
  comment?: string;
}

interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: 'NOASSERTION';
  filesAnalyzed: false;
  primaryPackagePurpose: 'APPLICATION' | 'CONTAINER' | 'LIBRARY';
  sourceInfo?: string;
  externalRefs?: ExternalRef[];
}

/**
 * SPDX 2.3 JSON: a root package for what was scanned, CONTAINS one package per purl. SPDX 2.3 has no vulnerability
 * section, so each vulnerability finding is a `SECURITY`/`advisory` external reference on the package it hits (the spec's
 * own category for "security information about the package"), with the ID, severity, fix and any suppression in its comment.
 */
export default defineFormatter({
  id: 'spdx',
  mediaType: 'application/spdx+json',
  extension: 'spdx.json',
  format(input, ctx) {
    const report = normalizeReport(input, ctx.cwd);
    const root = rootPackage(report, ctx);
    const packages = packagesOf(report, ctx.cwd);
    const body = {
      creationInfo: { created: spdxDate(ctx.now), creators: [`Tool: ${ctx.toolName}-${ctx.toolVersion}`] },
      packages: [root, ...packages],
      relationships: [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: ROOT_SPDXID },
        ...packages.map((p) => ({ spdxElementId: ROOT_SPDXID, relationshipType: 'CONTAINS', relatedSpdxElement: p.SPDXID })),
      ],
    };
    const digest = createHash('sha256').update(JSON.stringify([ctx.toolName, ctx.toolVersion, body])).digest('hex');
    const doc = {
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: `${ctx.toolName} scan of ${root.name}`,
      // Unique per content and stable for identical input, as the spec asks of a namespace (and snapshots need).
      documentNamespace: `https://palisade.dev/spdx/${digest}`,
      ...body,
    };
    return stringifyJson(doc);
  },
});

/** SPDX wants `YYYY-MM-DDThh:mm:ssZ`, without fractions of a second. */
function spdxDate(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}

function rootPackage(report: Report, ctx: FormatContext): SpdxPackage {
  const images = report.targets.filter((t) => t.kind === 'image');
  if (images.length === 1 && report.targets.length === 1) {
    return { SPDXID: ROOT_SPDXID, name: images[0]!.path, downloadLocation: 'NOASSERTION', filesAnalyzed: false, primaryPackagePurpose: 'CONTAINER' };
  }
  const cwd = normalizePath(ctx.cwd).replace(/\/+$/, '');
  const name = cwd.slice(cwd.lastIndexOf('/') + 1) || cwd || '.';
  return { SPDXID: ROOT_SPDXID, name, downloadLocation: 'NOASSERTION', filesAnalyzed: false, primaryPackagePurpose: 'APPLICATION' };
}

/** SPDX IDs allow letters, digits, `.` and `-` only. */
function idPart(s: string): string {
  return s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

type PackageKey = Pick<Package, 'ecosystem' | 'name' | 'version' | 'purl'>;

function keyOf(p: PackageKey): string {
  return p.purl !== '' ? p.purl : `${p.ecosystem}\u0000${p.name}\u0000${p.version}`;
}

function advisoryRef(f: Finding): ExternalRef {
  const v = f.vulnerability!;
  const aliases = v.aliases.filter((a) => a !== v.id);
  const parts = [
    `${v.id}${aliases.length > 0 ? ` (${aliases.join(', ')})` : ''}${v.informational !== undefined ? ` [informational: ${v.informational}]` : ''}`,
    `severity ${f.severity}`,
    v.fixedVersions.length > 0 ? `fixed in ${v.fixedVersions.join(', ')}` : 'no fixed version',
    ...(v.upgradeTo !== undefined ? [`upgrade to ${v.upgradeTo}`] : []),
    ...(f.suppressed ? [`suppressed by ${MECHANISM_LABEL[f.suppressed.by] ?? f.suppressed.by}: ${f.suppressed.reason || '(no reason given)'}`] : []),
  ];
  return {
    referenceCategory: 'SECURITY',
    referenceType: 'advisory',
    referenceLocator: advisoryUrl(v.id),
    comment: `${parts.join('; ')}${v.summary !== '' ? `. ${v.summary}` : ''}`,
  };
}

function packagesOf(report: Report, cwd: string): SpdxPackage[] {
  const byKey = new Map<string, { pkg: PackageKey; where: string[]; advisories: ExternalRef[] }>();
  const entry = (pkg: PackageKey) => {
    const k = keyOf(pkg);
    let e = byKey.get(k);
    if (!e) byKey.set(k, (e = { pkg, where: [], advisories: [] }));
    return e;
  };
  for (const p of report.inventory ?? []) {
    const e = entry(p);
    const where = `${p.foundBy} ${normalizePath(p.location.path, cwd)}:${p.location.startLine}`;
    if (!e.where.includes(where)) e.where.push(where);
  }
  for (const f of report.findings) {
    if (!f.vulnerability) continue;
    const e = entry(f.vulnerability.package);
    const ref = advisoryRef(f);
    if (!e.advisories.some((a) => a.referenceLocator === ref.referenceLocator)) e.advisories.push(ref);
  }
  const used = new Set<string>([ROOT_SPDXID, 'SPDXRef-DOCUMENT']);
  return [...byKey.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, e]) => {
      const stem = `SPDXRef-Package-${idPart(e.pkg.ecosystem)}-${idPart(e.pkg.name)}-${idPart(e.pkg.version)}`;
      let id = stem;
      for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
      used.add(id);
      const refs: ExternalRef[] = [
        ...(e.pkg.purl !== '' ? [{ referenceCategory: 'PACKAGE-MANAGER' as const, referenceType: 'purl', referenceLocator: e.pkg.purl }] : []),
        ...e.advisories,
      ];
      return {
        SPDXID: id,
        name: e.pkg.name,
        ...(e.pkg.version !== '' ? { versionInfo: e.pkg.version } : {}),
        downloadLocation: 'NOASSERTION' as const,
        filesAnalyzed: false as const,
        primaryPackagePurpose: 'LIBRARY' as const,
        ...(e.where.length > 0 ? { sourceInfo: `found by ${e.where.join(', ')}` } : {}),
        ...(refs.length > 0 ? { externalRefs: refs } : {}),
      };
    });
}
