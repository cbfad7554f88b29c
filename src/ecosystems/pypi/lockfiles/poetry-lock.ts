import { parse as parseToml } from 'smol-toml';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { binaryIssue, errorPosition, errorText, isBlank, isRecord, issue, tomlArrayTableLines, tomlEntryLocation } from './common.js';
import { normalisePyPIName, pypiPackage } from './package.js';

const ID = 'poetry.lock';

/**
 * Poetry lock files, lock-version 1.x (`category = "main" | "dev"`) and 2.x (`groups = ["main", "dev"]`, where a
 * package in no group but `main` is only needed by some other group). `optional = true` is an extra.
 */
export const poetryLock: LockfileParser = {
  id: ID,
  matches: (f) => f === 'poetry.lock',
  parse(text, path) {
    const bin = binaryIssue(text, path);
    if (bin) return err([bin]);
    if (isBlank(text)) return ok({ packages: [], warnings: [issue('empty-file', 'empty poetry.lock: no packages', path)] });
    let doc: Record<string, unknown>;
    try {
      doc = parseToml(text) as Record<string, unknown>;
    } catch (e) {
      const at = errorPosition(e);
      return err([issue('invalid-toml', `not a poetry.lock: invalid TOML: ${errorText(e)}`, path, at.line, at.column)]);
    }
    const list = doc['package'];
    const metadata = doc['metadata'];
    if (list === undefined && !isRecord(metadata)) return err([issue('not-poetry-lock', 'not a poetry.lock: no [[package]] entries and no [metadata] table', path)]);
    if (list !== undefined && !Array.isArray(list)) return err([issue('not-poetry-lock', 'not a poetry.lock: `package` is not an array of tables', path)]);
    const warnings: ParseIssue[] = [];
    const lockVersion = isRecord(metadata) ? metadata['lock-version'] : undefined;
    if (typeof lockVersion === 'string' && !/^[12]\./.test(lockVersion)) {
      warnings.push(issue('unknown-lock-version', `poetry.lock lock-version ${lockVersion} is newer than this reader knows (1.x, 2.x): read as 2.x`, path));
    }
    const lines = tomlArrayTableLines(text, 'package');
    const packages: Package[] = [];
    const seen = new Set<string>();
    (list as unknown[] | undefined ?? []).forEach((entry, i) => {
      const location = tomlEntryLocation(path, lines[i]);
      if (!isRecord(entry) || typeof entry['name'] !== 'string' || typeof entry['version'] !== 'string' || entry['version'] === '') {
        warnings.push({ code: 'incomplete-entry', message: `[[package]] #${i + 1} has no name or version: skipped`, location });
        return;
      }
      const name = entry['name'];
      const version = entry['version'];
      const key = `${normalisePyPIName(name)}@${version}`;
      if (seen.has(key)) return;
      seen.add(key);
      packages.push(pypiPackage(name, version, location, ID, { dev: isDev(entry), ...(entry['optional'] === true ? { optional: true } : {}) }));
    });
    return ok({ packages, warnings });
  },
};

function isDev(entry: Record<string, unknown>): boolean {
  const groups = entry['groups'];
  if (Array.isArray(groups) && groups.length > 0) return !groups.includes('main');
  return entry['category'] === 'dev';
}
