import type { VersionScheme } from '../define-ecosystem.js';
import { compareSemver, parseSemver, type Semver } from '../_lib/semver.js';

/**
 * Hex versions as Elixir's `Version.parse/1` reads them: strict SemVer 2.0.0 (exactly three numbers, no leading zeros
 * in numbers or numeric pre-release identifiers, no `v`, no blanks) with unbounded integers; build metadata is kept by
 * Elixir but `Version.compare/2` ignores it. The SemVer core is shared with crates.io and Go.
 */
export const scheme: VersionScheme<Semver> = {
  id: 'semver-hex',
  parse: (version) => parseSemver(version, 0),
  compare: compareSemver,
};
