/**
 * Gradle dependency locking (https://docs.gradle.org/current/userguide/dependency_locking.html): one resolved module per
 * line, `group:artifact:version=configuration,configuration`, plus an `empty=` line naming configurations that resolved to
 * nothing. Gradle < 6 wrote one `gradle/dependency-locks/<configuration>.lockfile` per configuration without the `=` part.
 */
import type { LockfileParser } from '../../define-ecosystem.js';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import { ECOSYSTEM, mavenPurl, span } from './common.js';

const ID = 'gradle.lockfile';

// Gradle writes configuration names in camel case; `test…` covers testCompileClasspath, testRuntimeClasspath,
// testAnnotationProcessor, testFixtures… — the configurations only tests resolve.
const isTestConfiguration = (c: string): boolean => c.startsWith('test');

export const GRADLE_LOCKFILE: LockfileParser = {
  id: ID,
  matches: (fileName) => fileName === 'gradle.lockfile' || fileName === 'buildscript-gradle.lockfile',
  parse(text, path) {
    const errors: ParseIssue[] = [];
    const packages: Package[] = [];
    const seen = new Map<string, Package>();
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!.replace(/\r$/, '');
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const n = i + 1;
      const col = raw.length - raw.trimStart().length + 1;
      const eq = line.indexOf('=');
      const coords = eq < 0 ? line : line.slice(0, eq);
      if (coords === 'empty') continue;
      const parts = coords.split(':');
      if (parts.length !== 3 || parts.some((p) => p === '' || /\s/.test(p))) {
        errors.push({ code: 'syntax-error', message: `not a "group:artifact:version=configurations" line: ${JSON.stringify(line.slice(0, 120))}`, location: span(path, n, col, n, col + line.length) });
        continue;
      }
      const [group, artifact, version] = parts as [string, string, string];
      const configs = eq < 0 ? [] : line.slice(eq + 1).split(',').map((c) => c.trim()).filter((c) => c !== '');
      const name = `${group}:${artifact}`;
      const dev = configs.length > 0 && configs.every(isTestConfiguration);
      const key = `${name}@${version}`;
      const prev = seen.get(key);
      if (prev) {
        if (!dev) delete prev.dev;
        continue;
      }
      const pkg: Package = { ecosystem: ECOSYSTEM, name, version, purl: mavenPurl(name, version), location: span(path, n, col, n, col + coords.length), foundBy: ID };
      if (dev) pkg.dev = true;
      seen.set(key, pkg);
      packages.push(pkg);
    }
    return errors.length > 0 ? err(errors) : ok({ packages, warnings: [] });
  },
};
