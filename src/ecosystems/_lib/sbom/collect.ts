import type { Location } from '../../../core/location.js';
import type { Inventory, Package, ParseIssue } from '../../../core/package.js';
import { packageFromPurl } from './purl-package.js';
import type { PurlLines } from './purl-lines.js';

export interface SbomEntry {
  purl: string;
  dev?: boolean;
  source?: { name: string; version: string };
}

/** Turns the purls of an SBOM into packages: one per purl, located where the purl is written, unknown types warned about. */
export function collect(entries: readonly SbomEntry[], lines: PurlLines, foundBy: string, warnings: ParseIssue[]): Inventory {
  const packages: Package[] = [];
  const seen = new Set<string>();
  const skippedTypes = new Map<string, { count: number; location: Location }>();
  for (const e of entries) {
    const location = lines.take(e.purl);
    // Nested SBOMs (an image and the jar inside it) list one package more than once; it is one package to match.
    if (seen.has(e.purl)) continue;
    seen.add(e.purl);
    const r = packageFromPurl(e.purl);
    if (!r.ok) {
      if (r.code === 'unsupported-purl-type') {
        const type = /^pkg:([^/]+)/i.exec(e.purl)?.[1]?.toLowerCase() ?? '?';
        const s = skippedTypes.get(type);
        if (s) s.count++;
        else skippedTypes.set(type, { count: 1, location });
      } else warnings.push({ code: r.code, message: r.message, location });
      continue;
    }
    const p: Package = { ecosystem: r.value.ecosystem, name: r.value.name, version: r.value.version, purl: e.purl, location, foundBy };
    if (e.dev) p.dev = true;
    const source = e.source ?? r.value.source;
    if (source) p.source = source;
    if (r.value.warning) warnings.push({ code: 'unknown-release', message: `${e.purl}: ${r.value.warning}`, location });
    packages.push(p);
  }
  // One warning per unsupported type, not one per package: a syft SBOM of an image lists hundreds of `pkg:generic` files.
  for (const [type, s] of skippedTypes) {
    warnings.push({ code: 'unsupported-purl-type', message: `${s.count} package${s.count === 1 ? '' : 's'} of purl type "${type}" skipped: not an ecosystem Palisade matches`, location: s.location });
  }
  return { packages, warnings };
}
