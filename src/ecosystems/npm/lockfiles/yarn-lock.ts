/**
 * `yarn.lock`, both generations:
 * - classic (yarn 1, `# yarn lockfile v1`): yarn's own indentation format — `"a@^1", a@^2:` headers, `  version "1.2.3"`.
 *   https://classic.yarnpkg.com/lang/en/docs/yarn-lock/
 * - berry (yarn 2+): YAML with a `__metadata` entry, `"a@npm:^1.0.0":` keys, `version:` and `resolution:` locators.
 *   https://yarnpkg.com/protocols
 * Neither records dev dependencies; berry records which workspace declares what, so direct packages are known there.
 */
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import { LOCAL_PROTOCOL, PackageCollector, isPackageName, splitNameAt } from './collector.js';
import { keyLines, loadYaml, splitLines } from './yaml-lines.js';

const ID = 'yarn.lock';

export const YARN_LOCK: LockfileParser = {
  id: ID,
  matches: (name) => name === ID,
  parse: (text, path) => parseYarnLock(text, path),
};

export function parseYarnLock(text: string, path: string): Result<Inventory, ParseIssue[]> {
  const out = new PackageCollector(path, ID);
  if (text.trim() === '') return err([out.issue('empty-file', 'yarn.lock is empty: expected "# yarn lockfile v1" entries or a yarn 2+ lockfile with __metadata', 1, 1)]);
  const lines = splitLines(text);
  if (lines.some((l) => /^"?__metadata"?:/.test(l))) return parseBerry(text, lines, out);
  return parseClassic(lines, out);
}

/** Splits a classic header (without its final colon) into descriptors: `"a@^1", a@^2` → [`a@^1`, `a@^2`]. */
function splitDescriptors(header: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  const n = header.length;
  for (;;) {
    while (header[i] === ' ') i++;
    if (i >= n) return out.length > 0 ? out : 'no package descriptor before the colon';
    if (header[i] === '"') {
      let j = i + 1;
      while (j < n && header[j] !== '"') j += header[j] === '\\' ? 2 : 1;
      if (j >= n) return 'a quoted descriptor is not closed';
      try {
        out.push(JSON.parse(header.slice(i, j + 1)) as string);
      } catch {
        return 'a quoted descriptor has an invalid escape';
      }
      i = j + 1;
    } else {
      let j = header.indexOf(',', i);
      if (j < 0) j = n;
      out.push(header.slice(i, j).trim());
      i = j;
    }
    while (header[i] === ' ') i++;
    if (i >= n) return out;
    if (header[i] !== ',') return `expected ',' between descriptors, found '${header[i]}'`;
    i++;
  }
}

/** The package a classic descriptor resolves to: `a@^1` → a; `b@npm:a@^1` (an alias) → a; local protocols → undefined. */
function classicDescriptorName(descriptor: string): { name: string; local: boolean } | undefined {
  const d = splitNameAt(descriptor);
  if (!d) return undefined;
  if (d.rest.startsWith('npm:')) {
    const real = splitNameAt(d.rest.slice(4));
    if (real) return { name: real.name, local: false };
  }
  return { name: d.name, local: LOCAL_PROTOCOL.test(d.rest) };
}

function unquote(v: string): string {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  return v;
}

interface ClassicEntry {
  line: number;
  descriptors: string[];
  version?: string;
}

function parseClassic(lines: string[], out: PackageCollector): Result<Inventory, ParseIssue[]> {
  let entry: ClassicEntry | undefined;
  const finish = (): void => {
    if (!entry) return;
    const e = entry;
    entry = undefined;
    const names = e.descriptors.map(classicDescriptorName);
    const first = names.find((x) => x !== undefined);
    if (!first || !isPackageName(first.name)) {
      out.warn('invalid-entry', `entry "${e.descriptors.join(', ')}" does not name an npm package`, e.line, 1);
      return;
    }
    if (names.some((x) => x?.local)) return;
    if (e.version === undefined || e.version === '') {
      out.warn('missing-version', `entry "${e.descriptors.join(', ')}" has no version; ${first.name} is not matched against advisories`, e.line, 1);
      return;
    }
    out.add({ name: first.name, version: e.version, line: e.line, column: 1 });
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trimEnd();
    const line = i + 1;
    let indent = 0;
    while (l.charCodeAt(indent) === 32) indent++;
    if (indent === l.length || l[indent] === '#') continue;
    if (l[indent] === '\t') return err([out.issue('invalid-yarn-lock', 'yarn.lock indents with spaces, found a tab', line, indent + 1)]);
    if (indent === 0) {
      finish();
      if (!l.endsWith(':')) {
        const hint = /^[{[]/.test(l) ? ' (this looks like JSON)' : /^[^\s:]+: /.test(l) ? ' (this looks like YAML without yarn\'s __metadata)' : '';
        return err([out.issue('invalid-yarn-lock', `not a yarn.lock: expected an entry header such as \`"name@^1.0.0":\`${hint}`, line, 1)]);
      }
      const descriptors = splitDescriptors(l.slice(0, -1));
      if (typeof descriptors === 'string') return err([out.issue('invalid-yarn-lock', `invalid entry header: ${descriptors}`, line, 1)]);
      entry = { line, descriptors };
      continue;
    }
    if (!entry) return err([out.issue('invalid-yarn-lock', 'not a yarn.lock: indented line before any entry header', line, indent + 1)]);
    if (indent !== 2) continue; // nested blocks (dependencies) say nothing about this package's own release
    const rest = l.slice(2);
    const key = rest.startsWith('"') ? /^"((?:[^"\\]|\\.)*)"/.exec(rest) : /^([^\s:"]+)/.exec(rest);
    if (!key) return err([out.issue('invalid-yarn-lock', 'invalid field line in a yarn.lock entry', line, 3)]);
    const name = key[0].startsWith('"') ? unquote(key[0]) : key[1]!;
    const value = rest.slice(key[0].length).trim();
    if (name === 'version') {
      if (entry.version !== undefined) out.warn('duplicate-field', 'the entry has a second "version"; the first one is used', line, 3);
      else entry.version = unquote(value);
    }
  }
  finish();
  return ok(out.inventory());
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseBerry(text: string, lines: string[], out: PackageCollector): Result<Inventory, ParseIssue[]> {
  const loaded = loadYaml(text, 0);
  if (!loaded.ok) return err([out.issue('invalid-yaml', `yarn.lock is not valid YAML: ${loaded.error.message}`, loaded.error.line, loaded.error.column)]);
  const root = loaded.value;
  if (!isObj(root) || !isObj(root['__metadata'])) return err([out.issue('invalid-yarn-lock', 'not a yarn 2+ lockfile: expected a mapping with __metadata', 1, 1)]);
  const positions = keyLines(lines, 0, lines.length, 0);

  // Workspaces list what they declare (dev dependencies included) as `name: range`; an entry is direct when one of
  // its descriptors is such a declaration. Old lockfiles (yarn 2) wrote npm ranges without the `npm:` prefix.
  const declared = new Set<string>();
  for (const [key, entry] of Object.entries(root)) {
    if (key === '__metadata' || !isObj(entry)) continue;
    const resolution = typeof entry['resolution'] === 'string' ? entry['resolution'] : '';
    if (!/^@?[^@]+@workspace:/.test(resolution)) continue;
    const deps = entry['dependencies'];
    if (!isObj(deps)) continue;
    for (const [dep, range] of Object.entries(deps)) {
      if (typeof range !== 'string') continue;
      declared.add(`${dep}@${range}`);
      if (!/^[a-z]+:/.test(range)) declared.add(`${dep}@npm:${range}`);
    }
  }

  for (const [key, entry] of Object.entries(root)) {
    if (key === '__metadata') continue;
    const pos = positions.get(key) ?? { line: 1, column: 1, endColumn: 1 };
    if (!isObj(entry)) {
      out.warn('invalid-entry', `entry "${key}" should be a mapping`, pos.line, pos.column);
      continue;
    }
    // Soft links are workspaces, `link:` and `portal:` folders: the project's own code.
    if (entry['linkType'] === 'soft') continue;
    const resolution = entry['resolution'];
    const descriptors = key.split(',').map((d) => d.trim());
    const locator = splitNameAt(typeof resolution === 'string' ? resolution : descriptors[0] ?? '');
    if (!locator || !isPackageName(locator.name)) {
      out.warn('invalid-entry', `entry "${key}" does not name an npm package`, pos.line, pos.column);
      continue;
    }
    const reference = locator.rest;
    if (LOCAL_PROTOCOL.test(reference)) continue;
    // npm: the reference is the release; patch: the `version` field is the patched release's; git/http/exec: the
    // `version` field is what the fetched package.json says.
    let version = typeof entry['version'] === 'string' ? entry['version'] : undefined;
    if (version === undefined && reference.startsWith('npm:')) version = reference.slice(4);
    if (version === undefined || version === '') {
      out.warn('missing-version', `entry "${key}" has no version; ${locator.name} is not matched against advisories`, pos.line, pos.column);
      continue;
    }
    if (version === '0.0.0-use.local') continue;
    out.add({ name: locator.name, version, line: pos.line, column: pos.column, endColumn: pos.endColumn, direct: descriptors.some((d) => declared.has(d)) });
  }
  return ok(out.inventory());
}
