/**
 * Maven coordinates inside Java archives (JAR, WAR, EAR): Maven's archiver writes
 * `META-INF/maven/<groupId>/<artifactId>/pom.properties` with `groupId`, `artifactId` and `version`. A fat jar (Spring
 * Boot `BOOT-INF/lib/`, a WAR's `WEB-INF/lib/`, shaded jars) carries one such file per bundled artifact, or nested jars
 * that carry their own.
 *
 * Pure: the scan layer unzips (with its own limits) and passes the entries' names and text in.
 */
import type { Location } from '../../core/location.js';
import type { Package, ParseIssue } from '../../core/package.js';
import { MAVEN_ECOSYSTEM } from './index.js';

const POM_PROPERTIES = /^META-INF\/maven\/([^/]+)\/([^/]+)\/pom\.properties$/;

/** Archive file names read as Java archives. */
export function isJavaArchive(name: string): boolean {
  return /\.(jar|war|ear)$/i.test(name);
}

/** True for an entry that holds Maven coordinates. */
export function isPomProperties(entryName: string): boolean {
  return POM_PROPERTIES.test(entryName);
}

/** Java `.properties` (the subset Maven writes, plus `:` separators, continuations and `\` escapes). */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/^[ \t\f]+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!.replace(/^[ \t\f]+/, '');
    const m = /^((?:\\.|[^=:\s\\])*)\s*[=:\s]\s*(.*)$/.exec(line) ?? [line, line, ''];
    const unescape = (s: string): string => s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => (c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c));
    out.set(unescape(m[1]!), unescape(m[2]!));
  }
  return out;
}

export interface JarEntryText {
  /** The entry's name inside the archive (`META-INF/maven/g/a/pom.properties`). */
  name: string;
  text: string;
}

/** The Maven packages the `pom.properties` entries of one archive declare, each located at `location`. */
export function mavenPackagesFromJar(entries: readonly JarEntryText[], location: Location): { packages: Package[]; warnings: ParseIssue[] } {
  const packages: Package[] = [];
  const warnings: ParseIssue[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const m = POM_PROPERTIES.exec(e.name);
    if (!m) continue;
    const props = parseProperties(e.text);
    const groupId = props.get('groupId') || m[1]!;
    const artifactId = props.get('artifactId') || m[2]!;
    const version = props.get('version') ?? '';
    if (version === '' || version.includes('${')) {
      warnings.push({ code: 'maven-no-version', message: `${location.path}: ${e.name} names no usable version (${JSON.stringify(version)}); ${groupId}:${artifactId} not listed`, location });
      continue;
    }
    const name = `${groupId}:${artifactId}`;
    const key = `${name}@${version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    packages.push({ ecosystem: 'Maven', name, version, purl: MAVEN_ECOSYSTEM.purl(name, version), location, foundBy: 'java-archive' });
  }
  return { packages, warnings };
}
