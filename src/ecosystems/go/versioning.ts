import type { VersionScheme } from '../define-ecosystem.js';
import { compareSemver, parseSemver, type Semver, type SemverDialect } from '../_lib/semver.js';

/** x/mod/semver accepts `v1` and `v1.2` as `v1.0.0` and `v1.2.0` (but not `v1.2-pre`). */
const GO: SemverDialect = { shorthand: true };
const LOWER_V = 118;

/**
 * Go module versions as `golang.org/x/mod/semver` orders them. OSV writes them without the `v` that Go requires, so
 * the `v` is optional here. Pseudo-versions (`0.0.0-20210101000000-abcdef123456`, `1.2.4-0.2021…`) are ordinary
 * pre-releases and `+incompatible` is build metadata, which has no precedence. Numbers are unbounded, as in x/mod.
 * The Go toolchain's own `go1.21rc2` spellings are not semver and not accepted: OSV's `stdlib`/`toolchain` ranges use
 * semver (`1.21.0-0`).
 */
export const scheme: VersionScheme<Semver> = {
  id: 'semver-go',
  parse: (version) => parseSemver(version, version.charCodeAt(0) === LOWER_V ? 1 : 0, GO),
  compare: compareSemver,
};
