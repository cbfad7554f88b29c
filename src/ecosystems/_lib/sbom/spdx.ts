import type { Inventory, ParseIssue } from '../../../core/package.js';
import { err, ok, type Result } from '../../../core/result.js';
import { collect, type SbomEntry } from './collect.js';
import { isRecord, parseJson, pointAt } from './json.js';
import { PurlLines } from './purl-lines.js';

export const SPDX_FOUND_BY = 'spdx';

/**
 * Packages of an SPDX 2.x JSON document: every package with a `purl` external reference (category `PACKAGE-MANAGER`,
 * or `PACKAGE_MANAGER` as SPDX 2.2 tools wrote it). A package that is only a `DEV_DEPENDENCY_OF` something is dev.
 */
export function parseSpdxJson(text: string, path: string): Result<Inventory, ParseIssue[]> {
  const parsed = parseJson(text, path);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  if (!isRecord(doc) || typeof doc['spdxVersion'] !== 'string' || !doc['spdxVersion'].startsWith('SPDX-2.')) {
    return err([{ code: 'not-spdx', message: 'not an SPDX 2.x JSON document: "spdxVersion": "SPDX-2.x" is missing', location: pointAt(path, 1) }]);
  }
  const dev = new Set<string>();
  if (Array.isArray(doc['relationships'])) {
    for (const r of doc['relationships']) {
      if (isRecord(r) && r['relationshipType'] === 'DEV_DEPENDENCY_OF' && typeof r['spdxElementId'] === 'string') dev.add(r['spdxElementId']);
    }
  }
  const entries: SbomEntry[] = [];
  let withoutPurl = 0;
  for (const p of Array.isArray(doc['packages']) ? doc['packages'] : []) {
    if (!isRecord(p)) continue;
    const refs = Array.isArray(p['externalRefs']) ? p['externalRefs'] : [];
    const ref = refs.find(
      (r): r is Record<string, unknown> =>
        isRecord(r) && r['referenceType'] === 'purl' && (r['referenceCategory'] === 'PACKAGE-MANAGER' || r['referenceCategory'] === 'PACKAGE_MANAGER') && typeof r['referenceLocator'] === 'string',
    );
    const purl = ref ? (ref['referenceLocator'] as string).trim() : '';
    if (purl === '') {
      withoutPurl++;
      continue;
    }
    entries.push({ purl, ...(typeof p['SPDXID'] === 'string' && dev.has(p['SPDXID']) ? { dev: true } : {}) });
  }
  const warnings: ParseIssue[] = [];
  const inventory = collect(entries, new PurlLines(text, 'referenceLocator', path), SPDX_FOUND_BY, warnings);
  // The root package (the thing described) usually has no purl; more than that is worth a word.
  if (withoutPurl > 1) {
    inventory.warnings.push({ code: 'no-purl', message: `${withoutPurl} packages without a purl skipped: nothing to match them by`, location: pointAt(path, 1) });
  }
  return ok(inventory);
}
