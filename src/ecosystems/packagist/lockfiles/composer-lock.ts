import type { Location } from '../../../core/location.js';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { formatPurl } from '../../_lib/purl.js';
import { JsonArray, JsonObject, parseJsonWithPositions } from '../../_lib/json-positions.js';

const ID = 'composer.lock';

// PACKAGIST_ECOSYSTEM.purl is this function.
export function composerPurl(name: string, version: string): string {
  const i = name.indexOf('/');
  return formatPurl({ type: 'composer', namespace: i > 0 ? name.slice(0, i).toLowerCase() : undefined, name: (i > 0 ? name.slice(i + 1) : name).toLowerCase(), version });
}

/** Composer's branch versions: `dev-main`, `dev-feature/x`, and branch aliases like `2.x-dev`. */
function isBranchVersion(v: string): boolean {
  return v.startsWith('dev-') || /[.-]dev$/.test(v);
}

/**
 * `composer.lock`: `packages`, and `packages-dev` marked dev. Versions stay as Composer writes them (`v1.2.3`);
 * Packagist advisories list both spellings. A branch version (`dev-main`, `2.x-dev`) names no release an advisory
 * range can place: skipped with a warning.
 */
export const composerLock: LockfileParser = {
  id: ID,
  matches: (f) => f === 'composer.lock',
  parse(text, path) {
    const at = (line = 1, column = 1, endColumn = column): Location => ({ path, startLine: line, startColumn: column, endLine: line, endColumn });
    const issue = (code: string, message: string, line = 1, column = 1): ParseIssue => ({ code, message, location: at(line, column) });
    if (text.includes('\u0000')) return err([issue('binary', 'file contains NUL bytes: not a composer.lock')]);
    if (/^\s*$/.test(text)) return ok({ packages: [], warnings: [issue('empty-file', 'empty composer.lock: no packages')] });
    // The depth limit is far above any real lockfile and keeps hostile nesting a quick error.
    const parsed = parseJsonWithPositions(text, { maxDepth: 10_000 });
    if (!parsed.ok) {
      const { message, line, column } = parsed.error;
      return err([issue('invalid-json', `not a composer.lock: invalid JSON: ${message}`, line, column)]);
    }
    const doc = parsed.value.value;
    if (!(doc instanceof JsonObject) || (doc.get('packages') === undefined && doc.get('packages-dev') === undefined)) {
      return err([issue('not-composer-lock', 'not a composer.lock: no "packages" or "packages-dev" array')]);
    }
    const warnings: ParseIssue[] = [];
    const packages: Package[] = [];
    const byKey = new Map<string, Package>();
    for (const group of ['packages', 'packages-dev'] as const) {
      const list = doc.get(group);
      if (list === undefined || list === null) continue;
      if (!(list instanceof JsonArray)) {
        const p = doc.members.get(group);
        warnings.push(issue('invalid-group', `"${group}" is not an array: skipped`, p?.line, p?.column));
        continue;
      }
      list.items.forEach((entry, i) => {
        const record = entry instanceof JsonObject ? entry : undefined;
        // The entry's "name" key, else where the entry starts (an object's `{`; other values have no position of their own).
        const p = record?.members.get('name') ?? record ?? { line: 1, column: 1 };
        const name = record?.get('name');
        const version = record?.get('version');
        const location = at(p.line, p.column, p.column + (typeof name === 'string' ? name.length + 10 : 1));
        if (typeof name !== 'string' || name === '' || typeof version !== 'string' || version === '') {
          warnings.push({ code: 'incomplete-entry', message: `${group}[${i}] has no name or version: skipped`, location });
          return;
        }
        if (isBranchVersion(version)) {
          warnings.push({ code: 'branch-version', message: `${name.slice(0, 200)} is locked to branch ${version.slice(0, 100)}, not a release: not matched`, location });
          return;
        }
        const key = `${name.toLowerCase()}@${version}`;
        // Composer never lists a package in both arrays; if a hand-edited file does, the non-dev entry wins.
        const existing = byKey.get(key);
        if (existing) return;
        const pkg: Package = { ecosystem: 'Packagist', name, version, purl: composerPurl(name, version), location, dev: group === 'packages-dev', foundBy: ID };
        byKey.set(key, pkg);
        packages.push(pkg);
      });
    }
    return ok({ packages, warnings });
  },
};
