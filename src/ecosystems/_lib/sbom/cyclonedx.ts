import type { Inventory, ParseIssue } from '../../../core/package.js';
import { err, ok, type Result } from '../../../core/result.js';
import { collect, type SbomEntry } from './collect.js';
import { isRecord, parseJson, pointAt } from './json.js';
import { PurlLines } from './purl-lines.js';

export const CYCLONEDX_FOUND_BY = 'cyclonedx';

function property(c: Record<string, unknown>, name: string): string | undefined {
  if (!Array.isArray(c['properties'])) return undefined;
  for (const p of c['properties']) if (isRecord(p) && p['name'] === name && typeof p['value'] === 'string') return p['value'];
  return undefined;
}

/** The source package as Palisade writes it, or as Trivy does (`aquasecurity:trivy:Src*`). */
function sourceOf(c: Record<string, unknown>): SbomEntry['source'] {
  const name = property(c, 'palisade:source:name');
  const version = property(c, 'palisade:source:version');
  if (name && version !== undefined) return { name, version };
  const trivyName = property(c, 'aquasecurity:trivy:SrcName');
  const trivyVersion = property(c, 'aquasecurity:trivy:SrcVersion');
  if (trivyName && trivyVersion) {
    const release = property(c, 'aquasecurity:trivy:SrcRelease');
    const epoch = property(c, 'aquasecurity:trivy:SrcEpoch');
    return { name: trivyName, version: `${epoch && epoch !== '0' ? `${epoch}:` : ''}${trivyVersion}${release ? `-${release}` : ''}` };
  }
  return undefined;
}

/**
 * Packages of a CycloneDX JSON BOM (any 1.x): every component with a purl, nested components included (Trivy and syft nest
 * jars and OS packages under the image or application). Not JSON, or JSON that is not CycloneDX, is an error.
 */
export function parseCycloneDxJson(text: string, path: string): Result<Inventory, ParseIssue[]> {
  const parsed = parseJson(text, path);
  if (!parsed.ok) return parsed;
  const bom = parsed.value;
  if (!isRecord(bom) || bom['bomFormat'] !== 'CycloneDX') {
    return err([{ code: 'not-cyclonedx', message: 'not a CycloneDX JSON BOM: "bomFormat": "CycloneDX" is missing', location: pointAt(path, 1) }]);
  }
  const entries: SbomEntry[] = [];
  const warnings: ParseIssue[] = [];
  let withoutPurl = 0;
  const walk = (list: unknown, depth: number): void => {
    if (!Array.isArray(list) || depth > 64) return;
    for (const c of list) {
      if (!isRecord(c)) continue;
      const purl = typeof c['purl'] === 'string' ? c['purl'].trim() : '';
      if (purl !== '') {
        const entry: SbomEntry = { purl };
        if (property(c, 'palisade:dev') === 'true' || c['scope'] === 'excluded') entry.dev = true;
        const source = sourceOf(c);
        if (source) entry.source = source;
        entries.push(entry);
      } else if (c['type'] !== 'operating-system' && c['type'] !== 'file') withoutPurl++;
      walk(c['components'], depth + 1);
    }
  };
  // metadata.component is the subject (the application or image); only what it contains is inventory.
  if (isRecord(bom['metadata']) && isRecord(bom['metadata']['component'])) walk(bom['metadata']['component']['components'], 1);
  walk(bom['components'], 0);
  const inventory = collect(entries, new PurlLines(text, 'purl', path), CYCLONEDX_FOUND_BY, warnings);
  if (withoutPurl > 0) {
    inventory.warnings.push({ code: 'no-purl', message: `${withoutPurl} component${withoutPurl === 1 ? '' : 's'} without a purl skipped: nothing to match them by`, location: pointAt(path, 1) });
  }
  return ok(inventory);
}
