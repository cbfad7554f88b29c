import type { Location } from '../../../core/location.js';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { formatPurl } from '../../_lib/purl.js';
import { jsonMemberPositions, jsonPathKey } from './json-positions.js';

const ID = 'composer.lock';

// PACKAGIST_ECOSYSTEM.purl is this function.
export function composerPurl(name: string, version: string): string {
  const i = name.indexOf('/');
  return formatPurl({ type: 'composer', namespace: i > 0 ? name.slice(0, i).toLowerCase() : undefined, name: (i > 0 ? name.slice(i + 1) : name).toLowerCase(), version });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
      return err([issue('invalid-json', `not a composer.lock: invalid JSON: ${message}`)]);
    }
    if (!isRecord(doc) || (doc['packages'] === undefined && doc['packages-dev'] === undefined)) {
      return err([issue('not-composer-lock', 'not a composer.lock: no "packages" or "packages-dev" array')]);
    }
    const positions = jsonMemberPositions(text, 3);
    const warnings: ParseIssue[] = [];
    const packages: Package[] = [];
    const byKey = new Map<string, Package>();
    for (const group of ['packages', 'packages-dev'] as const) {
      const list = doc[group];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        const p = positions.get(jsonPathKey(group));
        warnings.push(issue('invalid-group', `"${group}" is not an array: skipped`, p?.line, p?.column));
        continue;
      }
      list.forEach((entry: unknown, i) => {
        const p = positions.get(jsonPathKey(group, i, 'name')) ?? positions.get(jsonPathKey(group, i)) ?? { line: 1, column: 1 };
        const name = isRecord(entry) ? entry['name'] : undefined;
        const version = isRecord(entry) ? entry['version'] : undefined;
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
