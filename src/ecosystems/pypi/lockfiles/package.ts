import type { Location } from '../../../core/location.js';
import type { Package } from '../../../core/package.js';
import { formatPurl } from '../../_lib/purl.js';

/** PEP 503 normalisation: how PyPI (and OSV) compare names. Only for matching and de-duplication; packages keep the name as written. */
export function normalisePyPIName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

// PYPI_ECOSYSTEM.purl is this function.
export function pypiPurl(name: string, version: string): string {
  return formatPurl({ type: 'pypi', name: normalisePyPIName(name), version });
}

export function pypiPackage(name: string, version: string, location: Location, foundBy: string, extra: Pick<Package, 'dev' | 'optional' | 'direct'> = {}): Package {
  return { ecosystem: 'PyPI', name, version, purl: pypiPurl(name, version), location, ...extra, foundBy };
}
