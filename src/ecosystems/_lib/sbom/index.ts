/** SBOM input: CycloneDX and SPDX JSON documents read as inventories (pure; the scan layer reads the file). */
export { parseCycloneDxJson, CYCLONEDX_FOUND_BY } from './cyclonedx.js';
export { parseSpdxJson, SPDX_FOUND_BY } from './spdx.js';
export { packageFromPurl, type PurlPackage } from './purl-package.js';

/**
 * Which SBOM format a file holds, from its first 64 kB of text: cheap enough to run on every `.json` the walk meets, and
 * both formats name themselves near the top (`"bomFormat": "CycloneDX"`, `"spdxVersion": "SPDX-2.3"`).
 */
export function sniffSbom(text: string): 'cyclonedx' | 'spdx' | undefined {
  const head = text.slice(0, 65_536);
  if (!/^\s*\{/.test(head.replace(/^\uFEFF/, ''))) return undefined;
  if (/"bomFormat"\s*:\s*"CycloneDX"/.test(head)) return 'cyclonedx';
  if (/"spdxVersion"\s*:\s*"SPDX-2\.\d+"/.test(head)) return 'spdx';
  return undefined;
}
