import { parse as parseToml } from 'smol-toml';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { binaryIssue, errorPosition, errorText, isBlank, isRecord, issue, tomlArrayTableLines, tomlEntryLocation } from './common.js';
import { normalisePyPIName, pypiPackage } from './package.js';

const ID = 'uv.lock';

/**
 * uv lock files (`version = 1`, any `revision`). Entries whose source is `editable` or `virtual` are the project's own
 * workspace members (the root project, `backend/`): they are not PyPI releases and are skipped. Registry, git, URL,
 * `path` and `directory` sources are kept, like osv-scanner does.
 */
export const uvLock: LockfileParser = {
  id: ID,
  matches: (f) => f === 'uv.lock',
  parse(text, path) {
    const bin = binaryIssue(text, path);
    if (bin) return err([bin]);
    if (isBlank(text)) return ok({ packages: [], warnings: [issue('empty-file', 'empty uv.lock: no packages', path)] });
    let doc: Record<string, unknown>;
    try {
      doc = parseToml(text) as Record<string, unknown>;
    } catch (e) {
      const at = errorPosition(e);
      return err([issue('invalid-toml', `not a uv.lock: invalid TOML: ${errorText(e)}`, path, at.line, at.column)]);
    }
    const list = doc['package'];
    if (typeof doc['version'] !== 'number' && list === undefined) return err([issue('not-uv-lock', 'not a uv.lock: no top-level `version` and no [[package]] entries', path)]);
    if (list !== undefined && !Array.isArray(list)) return err([issue('not-uv-lock', 'not a uv.lock: `package` is not an array of tables', path)]);
    const warnings: ParseIssue[] = [];
    if (typeof doc['version'] === 'number' && doc['version'] > 1) {
      warnings.push(issue('unknown-lock-version', `uv.lock version ${doc['version']} is newer than this reader knows (1): read as 1`, path));
    }
    const lines = tomlArrayTableLines(text, 'package');
    const packages: Package[] = [];
    const seen = new Set<string>();
    (list as unknown[] | undefined ?? []).forEach((entry, i) => {
      const location = tomlEntryLocation(path, lines[i]);
      if (!isRecord(entry) || typeof entry['name'] !== 'string') {
        warnings.push({ code: 'incomplete-entry', message: `[[package]] #${i + 1} has no name: skipped`, location });
        return;
      }
      const source = entry['source'];
      if (isRecord(source) && (source['editable'] !== undefined || source['virtual'] !== undefined)) return;
      const name = entry['name'];
      const version = entry['version'];
      if (typeof version !== 'string' || version === '') {
        warnings.push({ code: 'no-version', message: `${name} has no locked version (dynamic): not matched`, location });
        return;
      }
      const key = `${normalisePyPIName(name)}@${version}`;
      if (seen.has(key)) return;
      seen.add(key);
      packages.push(pypiPackage(name, version, location, ID));
    });
    return ok({ packages, warnings });
  },
};
