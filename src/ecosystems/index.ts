import type { Ecosystem, LockfileParser } from './define-ecosystem.js';
import { NPM_ECOSYSTEM } from './npm/index.js';
import { PYPI_ECOSYSTEM } from './pypi/index.js';
import { GO_ECOSYSTEM } from './go/index.js';
import { CARGO_ECOSYSTEM } from './cargo/index.js';
import { RUBYGEMS_ECOSYSTEM } from './rubygems/index.js';
import { MAVEN_ECOSYSTEM } from './maven/index.js';
import { NUGET_ECOSYSTEM } from './nuget/index.js';
import { PACKAGIST_ECOSYSTEM } from './packagist/index.js';
import { HEX_ECOSYSTEM } from './hex/index.js';
import { PUB_ECOSYSTEM } from './pub/index.js';
import { DEBIAN_ECOSYSTEM } from './debian/index.js';
import { ALPINE_ECOSYSTEM } from './alpine/index.js';
import { RPM_ECOSYSTEM } from './rpm/index.js';

export type { Ecosystem, LockfileParser, VersionScheme, LockfileContext } from './define-ecosystem.js';

/** Every ecosystem Palisade reads packages of and matches advisories for. */
export const ECOSYSTEMS: readonly Ecosystem[] = [NPM_ECOSYSTEM, PYPI_ECOSYSTEM, GO_ECOSYSTEM, CARGO_ECOSYSTEM, RUBYGEMS_ECOSYSTEM, MAVEN_ECOSYSTEM, NUGET_ECOSYSTEM, PACKAGIST_ECOSYSTEM, HEX_ECOSYSTEM, PUB_ECOSYSTEM, DEBIAN_ECOSYSTEM, ALPINE_ECOSYSTEM, RPM_ECOSYSTEM];

const byOsvName = new Map<string, Ecosystem>();
for (const e of ECOSYSTEMS) for (const n of e.osvNames) byOsvName.set(n, e);

/** The part of an OSV ecosystem string before the first `:` (`Debian:12` → `Debian`). */
export function ecosystemBase(osvEcosystem: string): string {
  const i = osvEcosystem.indexOf(':');
  return i < 0 ? osvEcosystem : osvEcosystem.slice(0, i);
}

/** The ecosystem serving an OSV ecosystem string (`Debian:12`, `PyPI`), or undefined when Palisade does not read it. */
export function ecosystemFor(osvEcosystem: string): Ecosystem | undefined {
  return byOsvName.get(ecosystemBase(osvEcosystem));
}

/** The lockfile parser for a file's base name, if any. */
export function lockfileParserFor(fileName: string): { ecosystem: Ecosystem; parser: LockfileParser } | undefined {
  for (const ecosystem of ECOSYSTEMS) for (const parser of ecosystem.lockfiles) if (parser.matches(fileName)) return { ecosystem, parser };
  return undefined;
}
