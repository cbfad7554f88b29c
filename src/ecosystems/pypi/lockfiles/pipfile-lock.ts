import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { JsonObject, parseJsonWithPositions } from '../../_lib/json-positions.js';
import { binaryIssue, isBlank, issue, loc } from './common.js';
import { normalisePyPIName, pypiPackage } from './package.js';

const ID = 'Pipfile.lock';

/**
 * Pipenv's `Pipfile.lock` (pipfile-spec 6): `default` packages, and `develop` ones marked dev. A package in both is
 * reported once, not dev (it ships). Entries without a `==` version (git, path, editable) are skipped with a warning.
 */
export const pipfileLock: LockfileParser = {
  id: ID,
  matches: (f) => f === 'Pipfile.lock',
  parse(text, path) {
    const bin = binaryIssue(text, path);
    if (bin) return err([bin]);
    if (isBlank(text)) return ok({ packages: [], warnings: [issue('empty-file', 'empty Pipfile.lock: no packages', path)] });
    // The depth limit is far above any real lockfile and keeps hostile nesting a quick error.
    const parsed = parseJsonWithPositions(text, { maxDepth: 10_000 });
    if (!parsed.ok) {
      const { message, line, column } = parsed.error;
      return err([issue('invalid-json', `not a Pipfile.lock: invalid JSON: ${message}`, path, line, column)]);
    }
    const doc = parsed.value.value;
    if (!(doc instanceof JsonObject) || (!(doc.get('_meta') instanceof JsonObject) && !(doc.get('default') instanceof JsonObject) && !(doc.get('develop') instanceof JsonObject))) {
      return err([issue('not-pipfile-lock', 'not a Pipfile.lock: no `_meta`, `default` or `develop` object', path)]);
    }
    const warnings: ParseIssue[] = [];
    const byKey = new Map<string, Package>();
    for (const group of ['default', 'develop'] as const) {
      const deps = doc.get(group);
      if (deps === undefined) continue;
      if (!(deps instanceof JsonObject)) {
        const at = doc.members.get(group);
        warnings.push({ code: 'invalid-group', message: `"${group}" is not an object: skipped`, location: loc(path, at?.line ?? 1, at?.column ?? 1) });
        continue;
      }
      for (const [name, at] of deps.members) {
        const location = loc(path, at.line, at.column, at.column + name.length + 2);
        const entry = at.value instanceof JsonObject ? at.value : undefined;
        const version = entry?.get('version');
        if (typeof version !== 'string' || !version.startsWith('==')) {
          const what = entry && (entry.get('git') ?? entry.get('path') ?? entry.get('file')) !== undefined ? 'a VCS, path or file dependency' : 'not pinned with ==';
          warnings.push({ code: 'not-pinned', message: `${name.slice(0, 200)} is ${what}: not matched`, location });
          continue;
        }
        const v = version.replace(/^={2,3}/, '').trim();
        const key = `${normalisePyPIName(name)}@${v}`;
        // `default` is read first, so a package also in `develop` stays not dev.
        if (byKey.has(key)) continue;
        byKey.set(key, pypiPackage(name, v, location, ID, { dev: group === 'develop' }));
      }
    }
    return ok({ packages: [...byKey.values()], warnings });
  },
};
