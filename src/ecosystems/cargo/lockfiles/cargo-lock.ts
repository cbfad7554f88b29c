import { parse as parseToml } from 'smol-toml';
import type { Location } from '../../../core/location.js';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { formatPurl } from '../../_lib/purl.js';

const ID = 'Cargo.lock';

// CARGO_ECOSYSTEM.purl is this function.
export function cargoPurl(name: string, version: string): string {
  return formatPurl({ type: 'cargo', name, version });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Line of each `[[package]]` entry's `name = …` key (else its header): smol-toml gives values, not positions. */
function packageLines(text: string): { header: number; name?: { line: number; column: number; endColumn: number } }[] {
  const out: { header: number; name?: { line: number; column: number; endColumn: number } }[] = [];
  const lines = text.split(/\r?\n/);
  let current: (typeof out)[number] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*\[\[\s*package\s*\]\]\s*(#.*)?$/.test(l)) {
      current = { header: i + 1 };
      out.push(current);
    } else if (/^\s*\[/.test(l)) {
      // [package.metadata], [metadata], …: the entry's own keys are over.
      current = undefined;
    } else if (current && !current.name) {
      const m = /^(\s*)name\s*=/.exec(l);
      if (m) current.name = { line: i + 1, column: m[1]!.length + 1, endColumn: l.length + 1 };
    }
  }
  return out;
}

/**
 * `Cargo.lock` v1 to v4 (v1/v2 have no `version` key; v1 keeps checksums in `[metadata]`). Entries without `source`
 * are the workspace's own crates and path dependencies, not crates.io releases: skipped. `registry+…` and `sparse+…`
 * sources are kept, and so are `git+…` ones (as osv-scanner does: a git checkout of a crate usually carries the
 * crates.io version it forked from).
 */
export const cargoLock: LockfileParser = {
  id: ID,
  matches: (f) => f === 'Cargo.lock',
  parse(text, path) {
    const at = (line = 1, column = 1, endColumn = column): Location => ({ path, startLine: line, startColumn: column, endLine: line, endColumn });
    const issue = (code: string, message: string, line = 1, column = 1): ParseIssue => ({ code, message, location: at(line, column) });
    if (text.includes('\u0000')) return err([issue('binary', 'file contains NUL bytes: not a Cargo.lock')]);
    if (/^\s*$/.test(text)) return ok({ packages: [], warnings: [issue('empty-file', 'empty Cargo.lock: no packages')] });
    let doc: Record<string, unknown>;
    try {
      doc = parseToml(text) as Record<string, unknown>;
    } catch (e) {
      const pos = e as { line?: unknown; column?: unknown };
      const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
      return err([issue('invalid-toml', `not a Cargo.lock: invalid TOML: ${message}`, typeof pos.line === 'number' ? pos.line : 1, typeof pos.column === 'number' ? pos.column : 1)]);
    }
    const list = doc['package'];
    if (list === undefined && doc['version'] === undefined && !isRecord(doc['metadata']) && !isRecord(doc['root'])) {
      return err([issue('not-cargo-lock', 'not a Cargo.lock: no [[package]] entries, no version and no [metadata]')]);
    }
    if (list !== undefined && !Array.isArray(list)) return err([issue('not-cargo-lock', 'not a Cargo.lock: `package` is not an array of tables')]);
    const warnings: ParseIssue[] = [];
    const version = doc['version'];
    if (version !== undefined && (typeof version !== 'number' || version > 4)) {
      warnings.push(issue('unknown-lock-version', `Cargo.lock version ${String(version)} is newer than this reader knows (1–4): read as 4`));
    }
    const lines = packageLines(text);
    const packages: Package[] = [];
    const seen = new Set<string>();
    (list as unknown[] | undefined ?? []).forEach((entry, i) => {
      const l = lines[i];
      const location = l?.name ? at(l.name.line, l.name.column, l.name.endColumn) : at(l?.header ?? 1);
      if (!isRecord(entry) || typeof entry['name'] !== 'string' || typeof entry['version'] !== 'string' || entry['version'] === '') {
        warnings.push({ code: 'incomplete-entry', message: `[[package]] #${i + 1} has no name or version: skipped`, location });
        return;
      }
      if (entry['source'] === undefined) return;
      const name = entry['name'];
      const v = entry['version'];
      const key = `${name}@${v}`;
      if (seen.has(key)) return;
      seen.add(key);
      packages.push({ ecosystem: 'crates.io', name, version: v, purl: cargoPurl(name, v), location, foundBy: ID });
    });
    return ok({ packages, warnings });
  },
};
