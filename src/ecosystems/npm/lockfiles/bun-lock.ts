/**
 * bun's text lockfile `bun.lock` (bun ≥ 1.1.39; the default since 1.2): JSON with trailing commas. `packages` maps an
 * install path (`a`, `a/b` for a copy of b nested under a, `@s/a/@s/b`) to `["name@version", registry, info, integrity]`
 * for registry releases, or `["name@<protocol>:…", info, …]` for git, tarball, file, link and workspace sources.
 * The old binary `bun.lockb` cannot be read without bun; that parser explains how to get the text format.
 * https://bun.sh/docs/install/lockfile
 */
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { LOCAL_PROTOCOL, PackageCollector, isPackageName, splitNameAt } from './collector.js';
import type { JsonMember, JsonValue } from '../../_lib/json-positions.js';
import { JsonArray, JsonObject, parseJsonWithPositions } from '../../_lib/json-positions.js';

const ID = 'bun.lock';

export const BUN_LOCK: LockfileParser = {
  id: ID,
  matches: (name) => name === ID,
  parse: (text, path) => parseBunLock(text, path),
};

export const BUN_LOCKB: LockfileParser = {
  id: 'bun.lockb',
  matches: (name) => name === 'bun.lockb',
  parse: (_text, path) =>
    err([
      {
        code: 'binary-lockfile',
        message: 'bun.lockb is bun\'s binary lockfile and cannot be read without bun; run `bun install --save-text-lockfile` (bun ≥ 1.1.39) to write a bun.lock beside it, then scan that',
        location: { path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      },
    ]),
};

const PROD_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;
const ALL_FIELDS = [...PROD_FIELDS, 'devDependencies'] as const;

/** `@s/a/b/@t/c` → [`@s/a`, `b`, `@t/c`]. */
function pathSegments(key: string): string[] {
  const parts = key.split('/');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.startsWith('@') && i + 1 < parts.length) {
      out.push(`${p}/${parts[i + 1]!}`);
      i++;
    } else out.push(p);
  }
  return out;
}

function depNames(o: JsonValue | undefined): string[] {
  return o instanceof JsonObject ? [...o.members.keys()] : [];
}

export function parseBunLock(text: string, path: string): Result<Inventory, ParseIssue[]> {
  const out = new PackageCollector(path, ID);
  if (text.trim() === '') return err([out.issue('empty-file', 'bun.lock is empty: expected a JSON object with "lockfileVersion" and "packages"', 1, 1)]);
  const parsed = parseJsonWithPositions(text, { jsonc: true });
  if (!parsed.ok) return err([out.issue('invalid-json', `bun.lock is not valid JSON: ${parsed.error.message}`, parsed.error.line, parsed.error.column)]);
  const root = parsed.value.value;
  if (!(root instanceof JsonObject) || root.get('lockfileVersion') === undefined) {
    return err([out.issue('not-a-lockfile', 'not a bun.lock: expected a JSON object with "lockfileVersion"', 1, 1)]);
  }
  const version = root.get('lockfileVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    const m = root.members.get('lockfileVersion')!;
    return err([out.issue('unsupported-lockfile-version', `"lockfileVersion" must be a non-negative integer, found ${JSON.stringify(version)}`, m.line, m.column)]);
  }
  if (version > 1) out.warn('unknown-lockfile-version', `lockfileVersion ${version} is newer than 1, the latest this reader knows; read as 1`, 1, 1);
  const packages = root.get('packages');
  if (packages === undefined) return ok(out.inventory());
  if (!(packages instanceof JsonObject)) {
    const m = root.members.get('packages')!;
    return err([out.issue('not-a-lockfile', '"packages" must be an object', m.line, m.column)]);
  }

  // Resolution follows node_modules: a dependency of `a/b` is `a/b/x` if bun nested a copy there, else `a/x`, else `x`.
  const resolve = (from: readonly string[], dep: string): string | undefined => {
    for (let k = from.length; k >= 0; k--) {
      const key = [...from.slice(0, k), dep].join('/');
      if (packages.members.has(key)) return key;
    }
    return undefined;
  };
  const infoOf = (entry: JsonValue | undefined): JsonObject | undefined => {
    if (!(entry instanceof JsonArray)) return undefined;
    // Registry entries: [id, registry, info, integrity]; the others put info second.
    const i = typeof entry.items[1] === 'string' ? entry.items[2] : entry.items[1];
    return i instanceof JsonObject ? i : undefined;
  };

  type Root = { from: string[]; name: string; field: (typeof ALL_FIELDS)[number] };
  const roots: Root[] = [];
  const workspaces = root.get('workspaces');
  if (workspaces instanceof JsonObject) {
    for (const [wsPath, ws] of workspaces.members) {
      if (!(ws.value instanceof JsonObject)) continue;
      const wsName = ws.value.get('name');
      // Packages nested under a workspace are keyed by its name; the root workspace ("") nests nothing.
      const from = wsPath === '' || typeof wsName !== 'string' ? [] : [wsName];
      for (const field of ALL_FIELDS) for (const name of depNames(ws.value.get(field))) roots.push({ from, name, field });
    }
  }
  const walk = (fields: readonly string[], rootFields: readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const todo: string[] = [];
    for (const r of roots) {
      if (!rootFields.includes(r.field)) continue;
      const key = resolve(r.from, r.name);
      if (key !== undefined) todo.push(key);
    }
    for (let key = todo.pop(); key !== undefined; key = todo.pop()) {
      if (seen.has(key)) continue;
      seen.add(key);
      const info = infoOf(packages.get(key));
      if (!info) continue;
      const from = pathSegments(key);
      for (const f of fields) {
        for (const dep of depNames(info.get(f))) {
          const t = resolve(from, dep);
          if (t !== undefined && !seen.has(t)) todo.push(t);
        }
      }
    }
    return seen;
  };
  const direct = new Set<string>();
  for (const r of roots) {
    const key = resolve(r.from, r.name);
    if (key !== undefined) direct.add(key);
  }
  const haveGraph = roots.length > 0;
  const prod = walk(PROD_FIELDS, PROD_FIELDS);
  const any = walk(PROD_FIELDS, ALL_FIELDS);
  const required = walk(['dependencies', 'peerDependencies'], ['dependencies', 'peerDependencies', 'devDependencies']);

  for (const [key, m] of packages.members) {
    const entry = m.value;
    const id = entry instanceof JsonArray ? entry.items[0] : undefined;
    if (typeof id !== 'string') {
      out.warn('invalid-entry', `package "${key}" should be an array starting with "name@version"`, m.line, m.column);
      continue;
    }
    const spec = splitNameAt(id);
    if (!spec || !isPackageName(spec.name)) {
      out.warn('invalid-entry', `package "${key}" does not name an npm package ("${id}")`, m.line, m.column);
      continue;
    }
    if (LOCAL_PROTOCOL.test(spec.rest) || spec.rest === 'root:') continue;
    if (spec.rest === '' || /[:/#]/.test(spec.rest)) {
      out.warn('non-registry-version', `package "${key}" comes from ${spec.rest || 'an unknown source'}, not a registry release; it is not matched against advisories`, m.line, m.column);
      continue;
    }
    out.add(found(spec.name, spec.rest, m, haveGraph ? { dev: any.has(key) && !prod.has(key), optional: any.has(key) && !required.has(key), direct: direct.has(key) } : {}));
  }
  return ok(out.inventory());
}

function found(name: string, version: string, m: JsonMember, flags: { dev?: boolean; optional?: boolean; direct?: boolean }) {
  return { name, version, line: m.line, column: m.column, endColumn: m.endColumn, ...flags };
}
