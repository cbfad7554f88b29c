import type { Inventory, ParseIssue } from '../core/package.js';
import type { Result } from '../core/result.js';

/**
 * An ecosystem's version ordering. `parse` returns undefined for a version the scheme cannot read: the matcher then
 * reports an error result for that package and advisory — an unreadable version is never "not affected".
 */
export interface VersionScheme<V = unknown> {
  /** e.g. `semver-npm`, `pep440`, `dpkg`, `rpm`. */
  readonly id: string;
  parse(version: string): V | undefined;
  /** Negative when a < b, 0 when equal in this scheme's ordering, positive when a > b. */
  compare(a: V, b: V): number;
}

/** Reads a file relative to the lockfile's directory (`-r` includes, `go.sum`, parent `pom.xml`). Injected by the scan layer so parsers stay pure. */
export interface LockfileContext {
  readRelative?(relativePath: string): { path: string; text: string } | undefined;
}

export interface LockfileParser {
  /** The file kind, also recorded as `Package.foundBy`: `package-lock.json`, `yarn.lock`, `requirements.txt`, … */
  readonly id: string;
  /** True when a file with this base name (no directory) is this parser's format. */
  matches(fileName: string): boolean;
  /** Pure: text and display path in, packages with 1-based lines out; a file that is not the format is an error result. */
  parse(text: string, path: string, ctx: LockfileContext): Result<Inventory, ParseIssue[]>;
}

export interface Ecosystem {
  /** Folder name under src/ecosystems/. */
  readonly id: string;
  /** OSV ecosystem names this folder serves (the part before `:`), canonical first: `['Debian', 'Ubuntu']`. */
  readonly osvNames: readonly string[];
  /** purl type: `npm`, `pypi`, `golang`, `cargo`, `gem`, `maven`, `nuget`, `composer`, `hex`, `pub`, `deb`, `apk`, `rpm`. */
  readonly purlType: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each ecosystem has its own parsed-version type
  readonly scheme: VersionScheme<any>;
  readonly lockfiles: readonly LockfileParser[];
  /** The key advisories and packages are matched on (PyPI: PEP 503; Packagist, NuGet: lower case; Go, npm: as is). */
  normaliseName(name: string): string;
  /** The purl of a package of this ecosystem (language ecosystems; OS package readers add `distro`/`arch` themselves). */
  purl(name: string, version: string): string;
}

export function defineEcosystem(e: Ecosystem): Ecosystem {
  return e;
}
