/**
 * npm's `package-lock.json` and `npm-shrinkwrap.json` (same format): lockfileVersion 1 nests `dependencies` by install
 * location; 2 and 3 key a flat `packages` map by `node_modules/…` path (2 also carries the v1 tree for old npm — the
 * `packages` map is read because it is complete and says which packages are direct).
 * https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json
 */
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { LOCAL_PROTOCOL, PackageCollector, isPackageName, splitNameAt } from './collector.js';
import type { KeyPosition } from '../../_lib/json-positions.js';
import { keyPath, parseJsonWithKeyPositions } from '../../_lib/json-positions.js';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const V1_PARENTS: ReadonlySet<string> = new Set(['packages', 'dependencies']);
// v2 repeats the whole tree under "dependencies"; recording those keys would cost a third of the scan for nothing.
const V2_PARENTS: ReadonlySet<string> = new Set(['packages']);
const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
const NM = 'node_modules/';

/** The folder name after the last `node_modules/`: `a/node_modules/@s/b` → `@s/b`. */
function nameFromPath(path: string): string {
  const i = path.lastIndexOf(NM);
  return i < 0 ? path : path.slice(i + NM.length);
}

function isInstalled(path: string): boolean {
  return path.startsWith(NM) || path.includes(`/${NM}`);
}

// A version npm could not take from a registry: git, GitHub shorthand or tarball URL (lockfile v1 writes those as `version`).
const NON_REGISTRY = /^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:)|:\/\//;

/** Where a top-level field such as "lockfileVersion" is written, for messages about it (1:1 when not found). */
function fieldPosition(text: string, field: string): { line: number; column: number } {
  const at = text.indexOf(`"${field}"`);
  if (at < 0) return { line: 1, column: 1 };
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

export function createPackageLockParser(fileName: 'package-lock.json' | 'npm-shrinkwrap.json'): LockfileParser {
  return {
    id: fileName,
    matches: (name) => name === fileName,
    parse: (text, path) => parsePackageLock(text, path, fileName),
  };
}

export function parsePackageLock(text: string, path: string, foundBy: string): Result<Inventory, ParseIssue[]> {
  const out = new PackageCollector(path, foundBy);
  if (text.trim() === '') return err([out.issue('empty-file', `${foundBy} is empty: expected a JSON object with "lockfileVersion"`, 1, 1)]);
  // npm writes lockfileVersion near the top; a wrong guess only costs a second scan below.
  const guess = /"lockfileVersion"\s*:\s*([0-9]+)/.exec(text.slice(0, 4096));
  const parents = guess && Number(guess[1]) >= 2 ? V2_PARENTS : V1_PARENTS;
  const parsed = parseJsonWithKeyPositions(text, parents);
  if (!parsed.ok) return err([out.issue('invalid-json', `${foundBy} is not valid JSON: ${parsed.error.message}`, parsed.error.line, parsed.error.column)]);
  const { value: root } = parsed.value;
  let { keys } = parsed.value;
  if (!isObj(root)) return err([out.issue('not-a-lockfile', `not a ${foundBy}: expected a JSON object with "lockfileVersion", found ${Array.isArray(root) ? 'an array' : typeof root}`, 1, 1)]);

  const version = root['lockfileVersion'];
  const packages = root['packages'];
  const dependencies = root['dependencies'];
  if (version === undefined && !isObj(packages) && !isObj(dependencies)) {
    return err([out.issue('not-a-lockfile', `not a ${foundBy}: no "lockfileVersion", "packages" or "dependencies"`, 1, 1)]);
  }
  if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version) || version < 1)) {
    const at = fieldPosition(text, 'lockfileVersion');
    return err([out.issue('unsupported-lockfile-version', `"lockfileVersion" must be a positive integer, found ${JSON.stringify(version)}`, at.line, at.column)]);
  }
  const v = version ?? 1;
  if (v > 3) {
    const at = fieldPosition(text, 'lockfileVersion');
    out.warn('unknown-lockfile-version', `lockfileVersion ${v} is newer than 3, the latest this reader knows; read as version 3`, at.line, at.column);
  }
  if (version === undefined) out.warn('missing-lockfile-version', `no "lockfileVersion"; read as version ${isObj(packages) ? 3 : 1}`, 1, 1);

  if (isObj(packages) && (v >= 2 || version === undefined)) readPackages(packages, keys, out);
  else if (isObj(dependencies)) {
    if (v >= 2) out.warn('missing-packages', `lockfileVersion ${v} without a "packages" map; read the version 1 "dependencies" tree`, 1, 1);
    if (parents !== V1_PARENTS) {
      const again = parseJsonWithKeyPositions(text, V1_PARENTS);
      if (again.ok) keys = again.value.keys;
    }
    readDependencyTree(dependencies, keys, out);
  } else if (packages !== undefined || dependencies !== undefined) {
    const field = packages !== undefined ? 'packages' : 'dependencies';
    const at = fieldPosition(text, field);
    return err([out.issue('not-a-lockfile', `"${field}" must be an object`, at.line, at.column)]);
  }
  return ok(out.inventory());
}

function positionOf(keys: Map<string, KeyPosition>, path: string[]): KeyPosition {
  return keys.get(keyPath(path)) ?? { line: 1, column: 1, endColumn: 1 };
}

/** lockfileVersion 2 and 3: the flat `packages` map. */
function readPackages(packages: Obj, keys: Map<string, KeyPosition>, out: PackageCollector): void {
  // Folders that declare dependencies: the root ("") and every workspace (or `file:` folder) a link points at.
  const declared = new Map<string, Set<string>>();
  const addImporter = (folder: string, entry: unknown): void => {
    if (!isObj(entry) || declared.has(folder)) return;
    const names = new Set<string>();
    for (const field of DEP_FIELDS) {
      const deps = entry[field];
      if (isObj(deps)) for (const n of Object.keys(deps)) names.add(n);
    }
    declared.set(folder, names);
  };
  addImporter('', packages['']);
  for (const [key, entry] of Object.entries(packages)) {
    if (!isObj(entry) || entry['link'] !== true) continue;
    const target = entry['resolved'];
    if (typeof target !== 'string') {
      const pos = positionOf(keys, ['packages', key]);
      out.warn('invalid-entry', `"${key}" is a link without "resolved"`, pos.line, pos.column);
      continue;
    }
    if (!isInstalled(target)) addImporter(target, packages[target]);
  }

  const isDirect = (key: string, folderName: string): boolean => {
    // Nested under an importer folder: `packages/a/node_modules/x` is direct when `packages/a` declares `x`.
    const i = key.lastIndexOf(`/${NM}`);
    if (i >= 0) {
      const folder = key.slice(0, i);
      if (folder.includes(NM)) return false;
      return declared.get(folder)?.has(folderName) === true;
    }
    if (!key.startsWith(NM) || key.indexOf(NM, NM.length) >= 0) return false;
    // Hoisted to the root: direct for the root, or for a workspace that does not have its own copy.
    for (const [folder, names] of declared) {
      if (!names.has(folderName)) continue;
      if (folder === '' || !(`${folder}/${NM}${folderName}` in packages)) return true;
    }
    return false;
  };

  // npm's linked install strategy puts the real copy in node_modules/.store/… behind a link named as declared:
  // the copy is direct when its link is.
  const directByLink = new Set<string>();
  for (const [key, entry] of Object.entries(packages)) {
    if (!isObj(entry) || entry['link'] !== true || typeof entry['resolved'] !== 'string') continue;
    if (isInstalled(entry['resolved']) && isDirect(key, nameFromPath(key))) directByLink.add(entry['resolved']);
  }

  for (const [key, entry] of Object.entries(packages)) {
    if (key === '') continue;
    const pos = positionOf(keys, ['packages', key]);
    if (!isObj(entry)) {
      out.warn('invalid-entry', `"${key}" should be an object`, pos.line, pos.column);
      continue;
    }
    // Links are not packages: their target has its own entry. Folders outside node_modules are the project's own
    // workspaces and `file:` folders — source code, not registry releases.
    if (entry['link'] === true || !isInstalled(key)) continue;
    const folderName = nameFromPath(key);
    const own = entry['name'];
    // An alias (`"x": "npm:real@1"`) is installed as node_modules/x with `"name": "real"`.
    const name = typeof own === 'string' && own !== '' ? own : folderName;
    const version = entry['version'];
    if (!isPackageName(name)) {
      out.warn('invalid-entry', `"${key}" does not name an npm package`, pos.line, pos.column);
      continue;
    }
    if (typeof version !== 'string' || version === '') {
      out.warn('missing-version', `"${key}" has no "version"; ${name} is not matched against advisories`, pos.line, pos.column);
      continue;
    }
    if (LOCAL_PROTOCOL.test(version)) continue;
    out.add({
      name,
      version,
      line: pos.line,
      column: pos.column,
      endColumn: pos.endColumn,
      dev: entry['dev'] === true,
      // devOptional: installed unless both dev and optional packages are omitted, so it ships in production as an
      // optional package; calling it dev would hide it from production-only reports.
      optional: entry['optional'] === true || entry['devOptional'] === true,
      direct: isDirect(key, folderName) || directByLink.has(key),
    });
  }
}

/** lockfileVersion 1: `dependencies` nested by where npm installed each copy. */
function readDependencyTree(top: Obj, keys: Map<string, KeyPosition>, out: PackageCollector): void {
  const work: { deps: Obj; path: string[] }[] = [{ deps: top, path: ['dependencies'] }];
  for (let w = work.pop(); w; w = work.pop()) {
    for (const [key, entry] of Object.entries(w.deps)) {
      const path = [...w.path, key];
      const pos = positionOf(keys, path);
      if (!isObj(entry)) {
        out.warn('invalid-entry', `dependency "${key}" should be an object`, pos.line, pos.column);
        continue;
      }
      if (isObj(entry['dependencies'])) work.push({ deps: entry['dependencies'], path: [...path, 'dependencies'] });
      let name = key;
      const declared = entry['version'];
      if (typeof declared !== 'string' || declared === '') {
        out.warn('missing-version', `dependency "${key}" has no "version"; it is not matched against advisories`, pos.line, pos.column);
        continue;
      }
      let version = declared;
      if (LOCAL_PROTOCOL.test(version)) continue;
      if (version.startsWith('npm:')) {
        const real = splitNameAt(version.slice(4));
        if (!real || real.rest === '') {
          out.warn('invalid-entry', `alias "${key}" has version "${version}"; expected npm:<name>@<version>`, pos.line, pos.column);
          continue;
        }
        name = real.name;
        version = real.rest;
      }
      if (NON_REGISTRY.test(version)) {
        out.warn('non-registry-version', `"${key}" comes from ${version}, not a registry release; it is not matched against advisories`, pos.line, pos.column);
        continue;
      }
      if (!isPackageName(name)) {
        out.warn('invalid-entry', `"${key}" does not name an npm package`, pos.line, pos.column);
        continue;
      }
      out.add({ name, version, line: pos.line, column: pos.column, endColumn: pos.endColumn, dev: entry['dev'] === true, optional: entry['optional'] === true });
    }
  }
}
