/**
 * NuGet `packages.lock.json` (RestorePackagesWithLockFile; https://learn.microsoft.com/nuget/consume-packages/package-references-in-project-files#locking-dependencies):
 * `{ "version": 1|2, "dependencies": { "<target framework>[/<rid>]": { "<package id>": { "type", "requested", "resolved", … } } } }`.
 * Version 2 adds `CentralTransitive` entries (Central Package Management pins of transitive packages).
 */
import type { LockfileParser } from '../../define-ecosystem.js';
import type { Location } from '../../../core/location.js';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import { formatPurl } from '../../_lib/purl.js';

/** The NuGet purl; NUGET_ECOSYSTEM.purl is this function. */
export function nugetPurl(name: string, version: string): string {
  return formatPurl({ type: 'nuget', name, version });
}
import { JsonObject, parseJsonWithPositions } from '../../_lib/json-positions.js';

const ID = 'packages.lock.json';

export const PACKAGES_LOCK_JSON: LockfileParser = {
  id: ID,
  matches: (fileName) => fileName === 'packages.lock.json',
  parse(text, path) {
    // Lockfiles nest five levels; the limit keeps hostile nesting a short error.
    const parsed = parseJsonWithPositions(text, { maxDepth: 512 });
    if (!parsed.ok) return err([{ code: 'syntax-error', message: `invalid JSON: ${parsed.error.message}`, location: at(path, parsed.error) }]);
    const root = parsed.value.value;
    const keyPos = (o: JsonObject, k: string): Pos => o.members.get(k) ?? { line: 1, column: 1 };
    const version = root instanceof JsonObject ? root.get('version') : undefined;
    const dependencies = root instanceof JsonObject ? root.get('dependencies') : undefined;
    if (!(root instanceof JsonObject) || typeof version !== 'number' || !(dependencies instanceof JsonObject)) {
      return err([{ code: 'not-the-format', message: 'not a NuGet packages.lock.json: expected an object with a numeric "version" and a "dependencies" object', location: at(path, { line: 1, column: 1 }) }]);
    }
    const warnings: ParseIssue[] = [];
    if (version !== 1 && version !== 2) {
      warnings.push({ code: 'unknown-format-version', message: `packages.lock.json version ${version} (known: 1, 2); read as version 2`, location: at(path, keyPos(root, 'version')) });
    }
    const byKey = new Map<string, Package>();
    const packages: Package[] = [];
    for (const [framework, { value: deps }] of dependencies.members) {
      if (!(deps instanceof JsonObject)) {
        return err([{ code: 'syntax-error', message: `target framework "${framework}" is not an object`, location: at(path, keyPos(dependencies, framework)) }]);
      }
      for (const [name, { value: entry }] of deps.members) {
        const where = keyPos(deps, name);
        if (!(entry instanceof JsonObject)) return err([{ code: 'syntax-error', message: `package "${name}" under "${framework}" is not an object`, location: at(path, where, name) }]);
        // Project references are other projects of the same solution, scanned through their own lock files.
        if (entry.get('type') === 'Project') continue;
        const version = entry.get('resolved');
        if (typeof version !== 'string' || version === '') {
          warnings.push({ code: 'missing-field', message: `package "${name}" under "${framework}" has no "resolved" version; not checked`, location: at(path, where, name) });
          continue;
        }
        const direct = entry.get('type') === 'Direct';
        // NuGet package IDs are case-insensitive; the versions of one lock file agree across frameworks more often than not.
        const key = `${name.toLowerCase()}@${version.toLowerCase()}`;
        const prev = byKey.get(key);
        if (prev) {
          if (direct) prev.direct = true;
          continue;
        }
        const pkg: Package = { ecosystem: 'NuGet', name, version, purl: nugetPurl(name, version), location: at(path, where, name), direct, foundBy: ID };
        byKey.set(key, pkg);
        packages.push(pkg);
      }
    }
    return ok({ packages, warnings });
  },
};

interface Pos {
  line: number;
  column: number;
}

function at(path: string, p: Pos, key?: string): Location {
  // The span covers the quoted key, e.g. `"Newtonsoft.Json"`.
  const width = key === undefined ? 0 : JSON.stringify(key).length;
  return { path, startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + width };
}
