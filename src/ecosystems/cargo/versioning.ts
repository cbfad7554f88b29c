import type { VersionScheme } from '../define-ecosystem.js';
import { compareSemver, parseSemver, type Semver, type SemverDialect } from '../_lib/semver.js';

const CARGO: SemverDialect = { maxCore: 18446744073709551615n };

/**
 * crates.io versions as the Rust `semver` crate reads them: strict SemVer 2.0.0, no `v`, no blanks, no leading zeros.
 * Build metadata is ignored (`Version::cmp_precedence`), as OSV range evaluation does.
 */
export const scheme: VersionScheme<Semver> = {
  id: 'semver-cargo',
  parse: (version) => parseSemver(version, 0, CARGO),
  compare: compareSemver,
};
