/**
 * `pnpm-lock.yaml`:
 * - lockfileVersion 5.x: `packages` keyed `/name/1.0.0` with peer suffixes `_peer@2.0.0+other@1.0.0`; `dev`/`optional` flags.
 * - 6.x: keys `/name@1.0.0(peer@2.0.0)`; same flags.
 * - 9.x: `packages` keyed `name@1.0.0` (one entry per release) and `snapshots` keyed `name@1.0.0(peer@2.0.0)` (one per
 *   peer combination, with the dependency graph and `optional`); `dev` is gone, so it is derived here by walking the
 *   graph from the importers: a release only reachable from `devDependencies` is dev.
 * pnpm 10 may write an environment document (`configDependencies`, `packageManagerDependencies`) before the project's
 * own: it describes pnpm's tooling, not the project, and is skipped.
 * https://github.com/pnpm/spec/tree/master/lockfile
 */
import type { Inventory, ParseIssue } from '../../../core/package.js';
import type { Result } from '../../../core/result.js';
import { err, ok } from '../../../core/result.js';
import type { LockfileParser } from '../../define-ecosystem.js';
import type { PackageCollector as Collector } from './collector.js';
import { LOCAL_PROTOCOL, PackageCollector, isPackageName, splitNameAt } from './collector.js';
import type { YamlDocumentText } from './yaml-lines.js';
import { keyLines, loadYaml, splitLines, splitYamlDocuments, topLevelSection } from './yaml-lines.js';

const ID = 'pnpm-lock.yaml';

export const PNPM_LOCK: LockfileParser = {
  id: ID,
  matches: (name) => name === ID,
  parse: (text, path) => parsePnpmLock(text, path),
};

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ENV_IMPORTER_FIELDS = new Set(['configDependencies', 'packageManagerDependencies']);
const DEP_FIELDS = ['dependencies', 'optionalDependencies', 'devDependencies'] as const;

/** Cuts the peer suffix: `1.0.0(react@18.2.0)` (v6, v9) or `1.0.0_react@18.2.0` (v5). */
function withoutPeers(version: string, style: Style): string {
  const paren = version.indexOf('(');
  let v = paren >= 0 ? version.slice(0, paren) : version;
  if (style === 'slash') {
    const u = v.indexOf('_');
    if (u >= 0) v = v.slice(0, u);
  }
  return v;
}

/** A v9 snapshot key without its peer suffix: the `packages` key of the release. */
function releaseOf(snapshotKey: string): string {
  const paren = snapshotKey.indexOf('(');
  return paren >= 0 ? snapshotKey.slice(0, paren) : snapshotKey;
}

/** How dependency paths name a release: `/name/1.0.0` (v5), `/name@1.0.0` (v6), `name@1.0.0` (v9). */
type Style = 'slash' | 'at-slash' | 'at';

function styleOf(major: number): Style {
  return major < 6 ? 'slash' : major < 9 ? 'at-slash' : 'at';
}

/** Name and version from a dependency path, or undefined when the path does not encode them (git, tarball, file). */
function fromDepPath(depPath: string, style: Style): { name: string; version: string } | undefined {
  if (style === 'slash') {
    if (!depPath.startsWith('/')) return undefined;
    const parts = depPath.slice(1).split('/');
    const scoped = parts[0]?.startsWith('@') === true;
    const name = scoped ? `${parts[0]}/${parts[1] ?? ''}` : parts[0]!;
    const version = parts[scoped ? 2 : 1];
    // More segments are only valid inside a peer suffix (pnpm writes `+` for a peer's slash, but older files did not).
    if (version === undefined || (parts.length !== (scoped ? 3 : 2) && !version.includes('_'))) return undefined;
    return { name, version: withoutPeers(version, style) };
  }
  let p = depPath;
  if (style === 'at-slash') {
    if (!p.startsWith('/')) return undefined;
    p = p.slice(1);
  }
  const paren = p.indexOf('(');
  const s = splitNameAt(paren >= 0 ? p.slice(0, paren) : p);
  if (!s || s.rest === '') return undefined;
  return { name: s.name, version: s.rest };
}

/** A version field of an importer or snapshot dependency, resolved to the dependency path it points at (undefined: a link). */
function depTarget(name: string, ref: string, style: Style): string | undefined {
  if (LOCAL_PROTOCOL.test(ref)) return undefined;
  if (style === 'slash') return ref.startsWith('/') ? ref : /^[0-9]/.test(ref) ? `/${name}/${ref}` : ref;
  if (style === 'at-slash') return ref.startsWith('/') ? ref : /^[0-9]/.test(ref) ? `/${name}@${ref}` : ref;
  // v9: `1.0.0(peer@1)` is a release of `name`; `real@1.0.0` is an alias; a URL is a tarball of `name`.
  if (/^[0-9]/.test(ref) || /^[a-z+]+:/.test(ref)) return `${name}@${ref}`;
  const paren = ref.indexOf('(');
  const head = paren >= 0 ? ref.slice(0, paren) : ref;
  return splitNameAt(head) ? ref : `${name}@${ref}`;
}

/** The version string of an importer dependency: `1.0.0` (v5) or `{ specifier, version }` (v6, v9). */
function importerRef(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObj(v) && typeof v['version'] === 'string') return v['version'];
  return undefined;
}

function isEnvDocument(doc: Obj): boolean {
  const importers = doc['importers'];
  if (!isObj(importers)) return false;
  const all = Object.values(importers);
  return all.length > 0 && all.every((imp) => isObj(imp) && Object.keys(imp).every((k) => ENV_IMPORTER_FIELDS.has(k)));
}

export function parsePnpmLock(text: string, path: string): Result<Inventory, ParseIssue[]> {
  const out = new PackageCollector(path, ID);
  if (text.trim() === '') return err([out.issue('empty-file', 'pnpm-lock.yaml is empty: expected a mapping with lockfileVersion', 1, 1)]);
  const lines = splitLines(text);
  const docs = splitYamlDocuments(lines);
  if (docs.length === 0) return err([out.issue('empty-file', 'pnpm-lock.yaml holds only comments: expected a mapping with lockfileVersion', 1, 1)]);
  const loaded: { doc: YamlDocumentText; value: Obj }[] = [];
  for (const doc of docs) {
    const r = loadYaml(doc.text, doc.firstLine);
    if (!r.ok) return err([out.issue('invalid-yaml', `pnpm-lock.yaml is not valid YAML: ${r.error.message}`, r.error.line, r.error.column)]);
    if (!isObj(r.value) || r.value['lockfileVersion'] === undefined) {
      return err([out.issue('not-a-lockfile', 'not a pnpm-lock.yaml: expected a mapping with lockfileVersion', doc.firstLine + 1, 1)]);
    }
    loaded.push({ doc, value: r.value });
  }
  const project = loaded.filter((d) => !isEnvDocument(d.value));
  for (const { doc, value } of project) {
    const failure = readDocument(doc, value, lines, out);
    if (failure) return err([failure]);
  }
  return ok(out.inventory());
}

function readDocument(doc: YamlDocumentText, root: Obj, lines: readonly string[], out: Collector): ParseIssue | undefined {
  const rawVersion = String(root['lockfileVersion']);
  const major = Number.parseInt(rawVersion, 10);
  const docLine = doc.firstLine + 1;
  if (!Number.isFinite(major)) return out.issue('unsupported-lockfile-version', `lockfileVersion "${rawVersion}" is not a number`, docLine, 1);
  if (major < 5) return out.issue('unsupported-lockfile-version', `lockfileVersion ${rawVersion} predates pnpm 4 (lockfile 5.x); run pnpm install with a current pnpm to upgrade it`, docLine, 1);
  if (major > 9) out.warn('unknown-lockfile-version', `lockfileVersion ${rawVersion} is newer than 9, the latest this reader knows; read as 9`, docLine, 1);
  const style = styleOf(major);

  const packages = root['packages'];
  if (packages === undefined) return undefined; // a project with no dependencies
  const section = topLevelSection(lines, doc.firstLine, doc.endLine, 'packages');
  if (!isObj(packages)) return out.issue('not-a-lockfile', '"packages" must be a mapping', section ? section.start + 1 : docLine, 1);
  const positions = section ? keyLines(lines, section.start + 1, section.end, 2) : new Map();
  const sectionLine = section ? section.start + 1 : docLine;

  // Importers: a workspace's `importers`, or the root fields of a single-project v5/v6 lockfile.
  const importers: Obj[] = [];
  if (isObj(root['importers'])) for (const imp of Object.values(root['importers'])) if (isObj(imp)) importers.push(imp);
  if (DEP_FIELDS.some((f) => isObj(root[f]))) importers.push(root);

  const direct = new Set<string>();
  const prodRoots: string[] = [];
  const devRoots: string[] = [];
  for (const imp of importers) {
    for (const field of DEP_FIELDS) {
      const deps = imp[field];
      if (!isObj(deps)) continue;
      for (const [name, v] of Object.entries(deps)) {
        const ref = importerRef(v);
        const target = ref === undefined ? undefined : depTarget(name, ref, style);
        if (target === undefined) continue;
        (field === 'devDependencies' ? devRoots : prodRoots).push(target);
        // v5/v6 `packages` keys carry the peer suffix like the reference; v9 keys are the bare release.
        direct.add(target);
        direct.add(releaseOf(target));
      }
    }
  }

  // v9: dev and optional live on the snapshot graph.
  let devOnly: Set<string> | undefined;
  let optionalOnly: Set<string> | undefined;
  const snapshots = root['snapshots'];
  if (style === 'at' && isObj(snapshots)) ({ devOnly, optionalOnly } = walkSnapshots(snapshots, prodRoots, devRoots));

  for (const [key, entry] of Object.entries(packages)) {
    const pos = positions.get(key) ?? { line: sectionLine, column: 1, endColumn: 1 };
    if (!isObj(entry)) {
      out.warn('invalid-entry', `package "${key}" should be a mapping`, pos.line, pos.column);
      continue;
    }
    const resolution = entry['resolution'];
    if (key.startsWith('file:') || (isObj(resolution) && resolution['type'] === 'directory')) continue;
    const fromKey = fromDepPath(key, style);
    if (fromKey && LOCAL_PROTOCOL.test(fromKey.version)) continue;
    // Git and tarball entries (and file: ones) carry their own name and version; registry keys encode both.
    const name = typeof entry['name'] === 'string' ? entry['name'] : fromKey?.name;
    const version = typeof entry['version'] === 'string' ? entry['version'] : fromKey?.version;
    if (name === undefined || !isPackageName(name)) {
      out.warn('invalid-entry', `package "${key}" does not name an npm package`, pos.line, pos.column);
      continue;
    }
    if (version === undefined || version === '' || /[:/]/.test(version)) {
      out.warn('missing-version', `package "${key}" has no registry version; ${name} is not matched against advisories`, pos.line, pos.column);
      continue;
    }
    out.add({
      name,
      version,
      line: pos.line,
      column: pos.column,
      endColumn: pos.endColumn,
      dev: devOnly ? devOnly.has(key) : entry['dev'] === 'true',
      optional: optionalOnly ? optionalOnly.has(key) : entry['optional'] === 'true',
      direct: direct.has(key),
    });
  }
  return undefined;
}

/**
 * Walks v9 snapshots from the importers. Returns the `packages` keys (name@version) reached only through dev
 * dependencies, and those whose every snapshot is optional.
 */
function walkSnapshots(snapshots: Obj, prodRoots: readonly string[], devRoots: readonly string[]): { devOnly: Set<string>; optionalOnly: Set<string> } {
  const walk = (roots: readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const todo = [...roots];
    for (let k = todo.pop(); k !== undefined; k = todo.pop()) {
      if (seen.has(k)) continue;
      seen.add(k);
      const snap = snapshots[k];
      if (!isObj(snap)) continue;
      for (const field of ['dependencies', 'optionalDependencies'] as const) {
        const deps = snap[field];
        if (!isObj(deps)) continue;
        for (const [name, ref] of Object.entries(deps)) {
          if (typeof ref !== 'string') continue;
          const t = depTarget(name, ref, 'at');
          if (t !== undefined && !seen.has(t)) todo.push(t);
        }
      }
    }
    return new Set([...seen].map(releaseOf));
  };
  const prod = walk(prodRoots);
  const dev = walk(devRoots);
  const devOnly = new Set<string>();
  for (const r of dev) if (!prod.has(r)) devOnly.add(r);
  const optional = new Map<string, boolean>();
  for (const [key, snap] of Object.entries(snapshots)) {
    const r = releaseOf(key);
    const isOptional = isObj(snap) && snap['optional'] === 'true';
    optional.set(r, (optional.get(r) ?? true) && isOptional);
  }
  const optionalOnly = new Set<string>();
  for (const [r, o] of optional) if (o) optionalOnly.add(r);
  return { devOnly, optionalOnly };
}
