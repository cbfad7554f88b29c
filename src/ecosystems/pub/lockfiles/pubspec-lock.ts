/**
 * Dart / Flutter `pubspec.lock` (written by `dart pub get`): YAML with
 *   packages:
 *     <name>:
 *       dependency: "direct main" | "direct dev" | "direct overridden" | transitive
 *       description: …
 *       source: hosted | git | path | sdk
 *       version: "1.2.3"
 *   sdks: …
 * `sdk` packages (flutter, flutter_test, …) ship with the SDK and `path` packages are local code: neither has a pub.dev
 * version, so both are skipped. `git` packages keep the version their own pubspec declares, as osv-scanner reads them.
 */
import { FAILSAFE_SCHEMA, load, YAMLException } from 'js-yaml';
import type { LockfileParser } from '../../define-ecosystem.js';
import type { Location } from '../../../core/location.js';
import type { Package, ParseIssue } from '../../../core/package.js';
import { err, ok } from '../../../core/result.js';
import { formatPurl } from '../../_lib/purl.js';

/** The Pub purl; PUB_ECOSYSTEM.purl is this function. */
export function pubPurl(name: string, version: string): string {
  return formatPurl({ type: 'pub', name, version });
}

const ID = 'pubspec.lock';

type Pos = { line: number; column: number };

export const PUBSPEC_LOCK: LockfileParser = {
  id: ID,
  matches: (fileName) => fileName === 'pubspec.lock',
  parse(text, path) {
    let doc: unknown;
    try {
      // js-yaml rather than `yaml`: several times faster on 100 KB lock files. The failsafe schema keeps every scalar the
      // string it is in the file (`version: 1.10` is not the number 1.1). Aliases stay shared references and only
      // scalar fields are read below, so an alias bomb costs nothing.
      doc = load(text, { schema: FAILSAFE_SCHEMA, filename: path });
    } catch (e) {
      if (!(e instanceof YAMLException)) throw e;
      const line = (e.mark?.line ?? 0) + 1;
      const column = (e.mark?.column ?? 0) + 1;
      return err([{ code: 'syntax-error', message: `invalid YAML: ${e.reason}`, location: at(path, { line, column }) }]);
    }
    if (doc === undefined || doc === null || doc === '') return ok({ packages: [], warnings: [] });
    if (!isRecord(doc) || !('packages' in doc)) {
      return err([{ code: 'not-the-format', message: 'not a pubspec.lock: expected a mapping with a "packages" key', location: at(path, { line: 1, column: 1 }) }]);
    }
    const positions = keyPositions(text);
    const pkgs = doc.packages;
    // `packages: {}` (no dependencies) or `packages:` with nothing under it.
    if (pkgs === '' || pkgs === null || (isRecord(pkgs) && Object.keys(pkgs).length === 0)) return ok({ packages: [], warnings: [] });
    if (!isRecord(pkgs)) return err([{ code: 'syntax-error', message: '"packages" is not a mapping', location: at(path, positions.packages ?? { line: 1, column: 1 }) }]);

    const packages: Package[] = [];
    const warnings: ParseIssue[] = [];
    for (const [name, entry] of Object.entries(pkgs)) {
      const loc = at(path, positions.entries.get(name) ?? positions.packages ?? { line: 1, column: 1 }, positions.entries.has(name) ? name.length : 0);
      if (!isRecord(entry)) return err([{ code: 'syntax-error', message: `package ${name} is not a mapping`, location: loc }]);
      const field = (k: string): string | undefined => (typeof entry[k] === 'string' ? entry[k] : undefined);
      const source = field('source');
      if (source === 'sdk' || source === 'path') continue;
      const version = field('version');
      if (!version) {
        warnings.push({ code: 'missing-field', message: `package ${name} has no version; not checked`, location: loc });
        continue;
      }
      const dependency = field('dependency');
      const pkg: Package = { ecosystem: 'Pub', name, version, purl: pubPurl(name, version), location: loc, foundBy: ID };
      if (dependency !== undefined) pkg.direct = dependency.startsWith('direct');
      if (dependency === 'direct dev') pkg.dev = true;
      packages.push(pkg);
    }
    return ok({ packages, warnings });
  },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Where `packages:` and each package key under it sit, for locations only (the data comes from the YAML parser).
 * Reads the block layout pub writes; a key written some other way (flow style) falls back to the `packages:` line.
 */
function keyPositions(text: string): { packages?: Pos; entries: Map<string, Pos> } {
  const entries = new Map<string, Pos>();
  const lines = text.split('\n');
  let packages: Pos | undefined;
  let childIndent = -1;
  const keyRe = /^( +)(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s"'#:][^:#]*?))\s*:(?:\s|$)/;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (packages === undefined) {
      if (/^(?:packages|"packages"|'packages')\s*:/.test(line)) packages = { line: i + 1, column: 1 };
      continue;
    }
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    // The next top-level key ends the packages block.
    if (!/^\s/.test(line)) break;
    const m = keyRe.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    if (childIndent < 0) childIndent = indent;
    if (indent !== childIndent) continue;
    const name = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3] !== undefined ? m[3].replace(/''/g, "'") : m[4]!;
    if (!entries.has(name)) entries.set(name, { line: i + 1, column: indent + 1 + (m[4] === undefined ? 1 : 0) });
  }
  return { packages, entries };
}

function at(path: string, p: Pos, width = 0): Location {
  return { path, startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + width };
}
