import { ecosystemBase } from '../ecosystems/index.js';

/**
 * Whether an advisory's `affected[].package.ecosystem` covers a package's ecosystem string.
 *  - equal strings match;
 *  - an advisory without a release (`Debian`) covers every release of that ecosystem (`Debian:12`);
 *  - an advisory may qualify the package's release further (`Ubuntu:22.04:LTS` covers `Ubuntu:22.04`);
 *  - a package without a release (`Debian`) is not covered by a release-scoped advisory (`Debian:12`): which release
 *    it runs is unknown, and the caller reports that rather than guessing;
 *  - different bases never match.
 */
export function ecosystemMatches(advisoryEcosystem: string, packageEcosystem: string): boolean {
  if (advisoryEcosystem === packageEcosystem) return true;
  const base = ecosystemBase(advisoryEcosystem);
  if (base !== ecosystemBase(packageEcosystem)) return false;
  if (advisoryEcosystem === base) return true;
  if (packageEcosystem === base) return false;
  return advisoryEcosystem.startsWith(`${packageEcosystem}:`);
}
