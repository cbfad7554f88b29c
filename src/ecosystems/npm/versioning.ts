import { parse, type SemVer } from 'semver';
import type { VersionScheme } from '../define-ecosystem.js';

/**
 * npm versions are node-semver's by definition, so node-semver itself is the scheme (strict mode, as npm reads
 * published versions): a leading `v` and surrounding blanks are accepted because node-semver accepts them, `=1.2.3`
 * is not. Build metadata has no precedence (`SemVer#compare`). node-semver's own limits are npm's: major/minor/patch
 * above 2^53-1 are unparsable, and numeric pre-release identifiers above 2^53 compare as doubles.
 */
export const scheme: VersionScheme<SemVer> = {
  id: 'semver-npm',
  parse: (version) => parse(version) ?? undefined,
  compare: (a, b) => a.compare(b),
};
