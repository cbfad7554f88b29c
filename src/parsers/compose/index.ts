import type { ConfigObject, InlineSuppression, SourceLocator } from '../../core/config-object.js';
import { formatDataPath, type DataPath, type Location } from '../../core/location.js';
import { parseYamlDocuments, type ParsedDocument } from '../k8s-yaml/index.js';
import { LineIndex } from '../k8s-yaml/fast/source-map-fast.js';
import { Kind, type YNode } from '../k8s-yaml/fast/tree.js';
import type { FormatIssue, ParsedObjects } from '../types.js';
import { interpolateDocument } from './interpolate.js';
import { extendService, inheritedPaths, localPathOf, mergedPathOf, touchesBase, type LocalTag, type Origin } from './merge.js';
import { scanSuppressions, type SuppressionTarget } from './suppressions.js';
import { deref, documentTrees, mapPairs, ServiceNodeLocator, tagOf, toYaml12, treeOf } from './yaml-tree.js';

export { parseDotenv, type DotenvResult } from './dotenv.js';
export { interpolateString, scalarOriginAt, type ScalarOrigin } from './interpolate.js';
export { parseDevice, parsePort, parseVolume, portRange, splitKeyValue, type PortSpec, type VolumeSpec } from './syntax.js';

export interface ComposeFileRef {
  text: string;
  /** The file as it should appear in locations (relative to the scan's working directory), and its identity for cycles. */
  file: string;
}

export interface ComposeParseOptions {
  /** Variables for `${VAR}` interpolation (the process environment plus `.env`, merged by the caller). */
  env: Record<string, string | undefined>;
  /**
   * Active profiles (`--profile`). When given, services whose `profiles` name none of them are left out, as
   * `docker compose` does (`*` activates every profile). When empty or absent every service is scanned, whatever its
   * profiles: a security scan should see everything a profile could start.
   */
  profiles?: string[];
  /**
   * Reads another file for `extends: { file: … }`: `path` as written, relative to the file `from` (a `file` this
   * function returned earlier, or the file being parsed), or why it cannot be read.
   */
  readFile?: (path: string, from: string) => ComposeFileRef | { error: string };
}

/** The kinds of objects a compose file yields. */
export const COMPOSE_SERVICE = 'ComposeService';
export const COMPOSE_PROJECT = 'ComposeProject';
/** Annotation naming the compose file a service was read from. */
export const PROJECT_FILE_ANNOTATION = 'compose/project-file';

/** `extends` chains longer than this are reported instead of followed (real chains are a handful of services). */
const MAX_EXTENDS_DEPTH = 64;

type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One compose file read for `extends`: interpolated services of its first document and a locator for issues. */
interface LoadedFile {
  file: string;
  services: Rec;
  locate(path: DataPath): Location;
}

/** Resolution state of one service (`file` + name) while following `extends`. */
type Resolution = { state: 'resolving' } | { state: 'done'; value: Rec; origin: Origin };

class ComposeLoader {
  readonly errors: FormatIssue[] = [];
  readonly warnings: FormatIssue[] = [];
  private readonly files = new Map<string, LoadedFile | null>();
  private readonly resolved = new Map<string, Resolution>();
  private readonly warnedUnset = new Set<string>();

  constructor(
    readonly opts: ComposeParseOptions,
    /** `!reset` / `!override` tags of the main file's services, by service then relative path. */
    private readonly tags: ReadonlyMap<string, ReadonlyMap<string, LocalTag>>,
    private readonly mainFile: string,
  ) {}

  interpolate(doc: unknown, file: string, locate: (p: DataPath) => Location): unknown {
    return interpolateDocument(doc, this.opts.env, (i) => {
      if (i.kind === 'error') {
        this.errors.push({ code: 'compose-interpolation', message: i.message, location: locate(i.path) });
        return;
      }
      // Compose warns once per variable; a file that uses one variable everywhere gets one warning, at its first use.
      const key = `${file}\u0000${i.variable ?? ''}`;
      if (this.warnedUnset.has(key)) return;
      this.warnedUnset.add(key);
      this.warnings.push({ code: 'compose-unset-variable', message: i.message, location: locate(i.path) });
    });
  }

  registerMain(file: LoadedFile): void {
    this.files.set(file.file, file);
  }

  private loadFile(path: string, from: string, at: () => Location): LoadedFile | undefined {
    const ref = this.opts.readFile ? this.opts.readFile(path, from) : { error: 'other files are not read when a compose file is parsed on its own' };
    if ('error' in ref) {
      this.errors.push({ code: 'compose-extends', message: `extends: cannot read file "${path}": ${ref.error}`, location: at() });
      return undefined;
    }
    const cached = this.files.get(ref.file);
    if (cached !== undefined) return cached ?? undefined;
    this.files.set(ref.file, null);
    const parsed = parseYamlDocuments(ref.text, ref.file);
    for (const e of parsed.errors) this.errors.push({ code: e.code, message: e.message, location: e.location });
    for (const w of parsed.warnings) this.warnings.push({ code: w.code, message: w.message, location: w.location });
    const doc = parsed.documents[0];
    if (!doc || parsed.errors.length > 0) return undefined;
    const raw = toYaml12(ref.text, treeOf(doc) ?? documentTrees(ref.text)[doc.index], doc.value);
    const locate = (p: DataPath): Location => doc.source.locate(p);
    const value = this.interpolate(raw, ref.file, locate);
    const services = isRecord(value) && isRecord(value.services) ? value.services : {};
    const loaded: LoadedFile = { file: ref.file, services, locate };
    this.files.set(ref.file, loaded);
    return loaded;
  }

  /**
   * The service with its `extends` chain merged in. `origin` says, for a service of the main file, which parts are its
   * own; for services of other files only the value matters (all of it is "base" to whoever extends it).
   */
  resolve(file: LoadedFile, name: string, depth = 0): Resolution & { state: 'done' } {
    const key = `${file.file}\u0000${name}`;
    const own = isRecord(file.services[name]) ? file.services[name] : {};
    const known = this.resolved.get(key);
    if (known?.state === 'done') return known;
    const unmerged = { state: 'done' as const, value: withoutExtends(own), origin: 'local' as const };
    const ext = own.extends;
    if (ext === undefined || ext === null) {
      this.resolved.set(key, unmerged);
      return unmerged;
    }
    const at = (): Location => file.locate(['services', name, 'extends']);
    if (known?.state === 'resolving') {
      this.errors.push({ code: 'compose-extends', message: `extends: service "${name}" extends itself through a cycle`, location: at() });
      return unmerged;
    }
    if (depth > MAX_EXTENDS_DEPTH) {
      this.errors.push({ code: 'compose-extends', message: `extends: chain deeper than ${MAX_EXTENDS_DEPTH} services at "${name}"; not followed`, location: at() });
      this.resolved.set(key, unmerged);
      return unmerged;
    }
    let baseName: string | undefined;
    let baseFile: string | undefined;
    if (typeof ext === 'string') baseName = ext;
    else if (isRecord(ext) && typeof ext.service === 'string') {
      baseName = ext.service;
      if (typeof ext.file === 'string' && ext.file !== '') baseFile = ext.file;
    }
    if (baseName === undefined || baseName === '') {
      this.errors.push({ code: 'compose-extends', message: 'extends: must be a service name or a mapping with a `service` (and optional `file`)', location: at() });
      this.resolved.set(key, unmerged);
      return unmerged;
    }
    const target = baseFile === undefined ? file : this.loadFile(baseFile, file.file, at);
    if (!target) {
      this.resolved.set(key, unmerged);
      return unmerged;
    }
    if (!isRecord(target.services[baseName]) && target.services[baseName] !== null) {
      const where = baseFile === undefined ? '' : ` in ${target.file}`;
      this.errors.push({ code: 'compose-extends', message: `extends: service "${baseName}"${where} not found`, location: at() });
      this.resolved.set(key, unmerged);
      return unmerged;
    }
    this.resolved.set(key, { state: 'resolving' });
    const base = this.resolve(target, baseName, depth + 1);
    const tags = file.file === this.mainFile ? this.tags.get(name) : undefined;
    const merged = extendService(base.value, own, tags);
    const done = { state: 'done' as const, value: merged.value, origin: merged.origin };
    this.resolved.set(key, done);
    return done;
  }
}

function withoutExtends(service: Rec): Rec {
  if (!('extends' in service)) return service;
  const { extends: _e, ...rest } = service;
  return rest;
}

/** Locates paths of one service: its own lines, or its `extends` key for values that came from the base service. */
class ServiceLocator implements SourceLocator {
  constructor(
    private readonly doc: SourceLocator,
    private readonly node: SourceLocator,
    private readonly name: string,
    private readonly origin: Origin,
  ) {}

  resolve(path: DataPath): { location: Location; matched: number } {
    if (path.length < 2 || path[0] !== 'services' || path[1] !== this.name) return this.doc.resolve(path);
    const rel = path.slice(2);
    const local = this.origin === 'local' ? rel : localPathOf(this.origin, rel);
    const r = this.node.resolve(local === 'base' ? ['extends'] : local);
    return { location: r.location, matched: r.matched + 2 };
  }

  locate(path: DataPath): Location {
    return this.resolve(path).location;
  }

  /** True when the value at `path` (relative to the service), or part of it, was inherited through `extends`. */
  inherited(path: DataPath): boolean {
    return this.origin !== 'local' && touchesBase(this.origin, path);
  }
}

/**
 * True when the value at `path` of a compose service (relative to the service), or part of it, comes from the service
 * it extends rather than from its own lines: a fix written as a patch of the service cannot be applied to its file.
 */
export function inheritedThroughExtends(obj: ConfigObject, path: DataPath): boolean {
  return obj.source instanceof ServiceLocator && obj.source.inherited(path);
}

/**
 * Comment suppressions of a service, with their paths moved from the service's own mapping to the merged service the
 * findings are about: its `ports[0]` may be the merged `ports[2]`. A comment above `extends:` covers what is inherited.
 */
function inMergedPaths(found: readonly { suppression: InlineSuppression; localPath: DataPath }[], origin: Origin): InlineSuppression[] {
  if (origin === 'local') return found.map((f) => f.suppression);
  const out: InlineSuppression[] = [];
  for (const { suppression, localPath } of found) {
    if (localPath.length === 0) out.push(suppression);
    else if (localPath[0] === 'extends') for (const p of inheritedPaths(origin)) out.push({ ...suppression, pathPrefix: formatDataPath(p) });
    else {
      const merged = mergedPathOf(origin, localPath);
      if (merged) out.push({ ...suppression, pathPrefix: formatDataPath(merged) });
    }
  }
  return out;
}

/** `!reset` / `!override` tags on keys of each service mapping, by relative path. */
function collectTags(text: string, services: YNode | undefined): Map<string, Map<string, LocalTag>> {
  const out = new Map<string, Map<string, LocalTag>>();
  if (!services || !/!(reset|override)\b/.test(text)) return out;
  for (const [name, pair] of mapPairs(services)) {
    const tags = new Map<string, LocalTag>();
    const walk = (node: YNode | null, prefix: string[], depth: number): void => {
      if (depth > 16) return;
      for (const [k, p] of mapPairs(node ?? undefined)) {
        const t = tagOf(text, p.value);
        const path = [...prefix, k];
        if (t === 'reset' || t === 'override') tags.set(path.join('.'), t);
        if (p.value && deref(p.value)?.kind === Kind.Map) walk(p.value, path, depth + 1);
      }
    };
    walk(pair.value, [], 0);
    if (tags.size > 0) out.set(name, tags);
  }
  return out;
}

/**
 * Lines where a service key, or a key or item inside a service, starts: what a `palisade:ignore` comment above them
 * covers. `locators` take paths relative to each service. The first (outermost) path starting on a line wins.
 */
function suppressionTargets(services: Rec, locators: ReadonlyMap<string, SourceLocator>, servicesLine: number | undefined): Map<number, SuppressionTarget> {
  const out = new Map<number, SuppressionTarget>();
  if (servicesLine !== undefined) out.set(servicesLine, { service: '*', path: [] });
  for (const [name, loc] of locators) {
    const line = (p: DataPath): number => loc.locate(p).startLine;
    if (!out.has(line([]))) out.set(line([]), { service: name, path: [] });
    const walk = (v: unknown, path: (string | number)[], depth: number): void => {
      if (depth > 8 || typeof v !== 'object' || v === null) return;
      const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
      for (const [k, child] of entries) {
        path.push(k);
        const l = line(path);
        if (!out.has(l)) out.set(l, { service: name, path: [...path] });
        walk(child, path, depth + 1);
        path.pop();
      }
    };
    walk(services[name], [], 0);
  }
  return out;
}

/** Normalised like compose's project names: lower case, only `[a-z0-9_-]`. */
function projectName(value: Rec, file: string): string {
  if (typeof value.name === 'string' && value.name.trim() !== '') return value.name.trim();
  const dir = file.replace(/\\/g, '/').split('/').slice(0, -1).filter((s) => s !== '' && s !== '.').pop() ?? '';
  return dir.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const item of v) {
      if (typeof item !== 'string') continue;
      const eq = item.indexOf('=');
      out[eq === -1 ? item : item.slice(0, eq)] = eq === -1 ? '' : item.slice(eq + 1);
    }
  } else if (isRecord(v)) for (const [k, val] of Object.entries(v)) if (val !== null && val !== undefined) out[k] = String(val);
  return out;
}

/**
 * Service labels `palisade.dev/waive`, `palisade.dev/waive-reason`, … act like the Kubernetes annotations of the same
 * name (the waiver model reads annotations), so a waiver can live in the file as data as well as in a comment.
 */
function waiverLabels(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (k.startsWith('palisade.dev/')) out[k] = v;
  return out;
}

function activeByProfile(service: Rec, profiles: readonly string[]): boolean {
  if (profiles.length === 0 || profiles.includes('*')) return true;
  const own = service.profiles;
  if (!Array.isArray(own) || own.length === 0) return true;
  return own.some((p) => typeof p === 'string' && profiles.includes(p));
}

/**
 * The stable form of a data path for fingerprints: the compose file plus the path, with list indexes replaced by
 * what the entry is (`ports[=8080:80]`, `environment[=DB_PASSWORD]`), so inserting an entry above does not change the
 * fingerprint of the findings below it. Services are identified by file and name (two files may both have a `web`).
 */
function stableKeyFor(file: string, value: Rec): (path: DataPath) => string {
  return (path) => {
    let cur: unknown = value;
    const parts: (string | number)[] = [];
    let out = '';
    for (const seg of path) {
      if (typeof seg === 'number' && Array.isArray(cur)) {
        const item: unknown = cur[seg];
        const id = typeof item === 'string' || typeof item === 'number' ? String(item).split('=')[0]! : isRecord(item) ? String(item.target ?? item.source ?? item.name ?? seg) : String(seg);
        out += formatDataPath(parts) + `[=${id.slice(0, 200)}]`;
        parts.length = 0;
        cur = item;
        continue;
      }
      parts.push(seg);
      cur = isRecord(cur) ? cur[String(seg)] : undefined;
    }
    const tail = formatDataPath(parts);
    return `${file}:${out}${out !== '' && tail !== '' && !tail.startsWith('[') ? '.' : ''}${tail}`;
  };
}

function docIssue(code: string, message: string, location: Location): FormatIssue {
  return { code, message, location };
}

/**
 * Parses a compose file into one `ComposeService` object per service (interpolated, `extends` merged, inactive profiles
 * left out when profiles are given) and one `ComposeProject` object for the top-level sections. Pure: the environment
 * and other files come in through `opts`.
 */
export function parseComposeText(text: string, file: string, opts: ComposeParseOptions): ParsedObjects {
  const parsed = parseYamlDocuments(text, file);
  const errors: FormatIssue[] = parsed.errors.map((e) => docIssue(e.code, e.message, e.location));
  const warnings: FormatIssue[] = parsed.warnings.map((w) => docIssue(w.code, w.message, w.location));
  const objects: ConfigObject[] = [];
  const nonEmpty = parsed.documents.filter((d) => d.value !== null && d.value !== undefined);
  if (nonEmpty.length === 0) return { objects, errors, warnings };
  let trees: (YNode | undefined)[] | undefined;
  const lines = new LineIndex(text);
  for (const doc of nonEmpty) {
    const tree = treeOf(doc) ?? (trees ??= documentTrees(text))[doc.index];
    const r = parseDocument(text, file, doc, tree, lines, opts);
    objects.push(...r.objects);
    errors.push(...r.errors);
    warnings.push(...r.warnings);
  }
  return { objects, errors, warnings };
}

function parseDocument(text: string, file: string, doc: ParsedDocument, tree: YNode | undefined, lines: LineIndex, opts: ComposeParseOptions): ParsedObjects {
  if (!isRecord(doc.value)) {
    return { objects: [], errors: [docIssue('compose-invalid', 'a compose file must be a mapping (with `services:`, `networks:`, `volumes:`, …)', doc.source.locate([]))], warnings: [] };
  }
  // YAML 1.2 fix-ups rename keys in the tree too: read the tree only after them.
  const yaml12 = toYaml12(text, tree, doc.value);
  const servicesNode = mapPairs(deref(tree)).get('services');
  const nodeOf = mapPairs(servicesNode?.value ?? undefined);
  const locators = new Map<string, SourceLocator>();
  /** A locator per service, from its own node: the shared source map would scan every service key for each lookup. */
  const serviceLocator = (name: string): SourceLocator => {
    let l = locators.get(name);
    if (l) return l;
    const pair = nodeOf.get(name);
    // Services brought in by a YAML merge key (`<<: *common`) have no key node of their own: the shared map finds them.
    l = pair
      ? new ServiceNodeLocator(text, lines, file, pair.key, pair.value)
      : {
          resolve: (p) => {
            const r = doc.source.resolve(['services', name, ...p]);
            return { location: r.location, matched: Math.max(0, r.matched - 2) };
          },
          locate: (p) => doc.source.locate(['services', name, ...p]),
        };
    locators.set(name, l);
    return l;
  };
  const locate = (p: DataPath): Location => (p.length >= 2 && p[0] === 'services' && typeof p[1] === 'string' ? serviceLocator(p[1]).locate(p.slice(2)) : doc.source.locate(p));
  const tags = collectTags(text, servicesNode?.value ?? undefined);
  const loader = new ComposeLoader(opts, tags, file);
  const value = loader.interpolate(yaml12, file, locate) as Rec;
  const services = value.services;
  const objects: ConfigObject[] = [];
  const docText = doc.text;
  if (services !== undefined && services !== null && !isRecord(services)) {
    loader.errors.push(docIssue('compose-invalid', '`services` must be a mapping of service names to their definitions', locate(['services'])));
  }
  const svc: Rec = isRecord(services) ? services : {};
  const main: LoadedFile = { file, services: svc, locate };
  loader.registerMain(main);
  for (const name of Object.keys(svc)) serviceLocator(name);
  const targets = text.includes('palisade:ignore') ? suppressionTargets(svc, locators, servicesNode ? locate(['services']).startLine : undefined) : new Map<number, SuppressionTarget>();
  const suppressions = scanSuppressions(text, file, targets);
  for (const w of suppressions.warnings) loader.warnings.push(docIssue('compose-suppression', w.message, w.location));

  const profiles = (opts.profiles ?? []).map((p) => p.trim()).filter((p) => p !== '');
  for (const [name, raw] of Object.entries(svc)) {
    if (raw !== null && !isRecord(raw)) {
      loader.errors.push(docIssue('compose-invalid', `service "${name}" must be a mapping`, locate(['services', name])));
      continue;
    }
    const resolved = loader.resolve(main, name);
    if (!activeByProfile(resolved.value, profiles)) continue;
    const source = new ServiceLocator(doc.source, serviceLocator(name), name, resolved.origin);
    const inline: InlineSuppression[] = [...suppressions.everyService, ...inMergedPaths(suppressions.byService.get(name) ?? [], resolved.origin)];
    const labels = stringMap(resolved.value.labels);
    const obj: ConfigObject = {
      target: 'compose',
      apiVersion: '',
      kind: COMPOSE_SERVICE,
      name,
      namespace: '',
      labels,
      annotations: { ...waiverLabels(labels), [PROJECT_FILE_ANNOTATION]: file },
      value: resolved.value,
      file,
      docIndex: doc.index,
      basePath: ['services', name],
      source,
      docText,
      stableKey: stableKeyFor(file, resolved.value),
    };
    if (inline.length > 0) obj.inlineSuppressions = inline;
    objects.push(obj);
  }
  objects.push({
    target: 'compose',
    apiVersion: '',
    kind: COMPOSE_PROJECT,
    name: projectName(value, file),
    namespace: '',
    labels: {},
    annotations: { [PROJECT_FILE_ANNOTATION]: file },
    value,
    file,
    docIndex: doc.index,
    basePath: [],
    source: doc.source,
    docText,
    stableKey: (p) => `${file}:${formatDataPath(p)}`,
    ...(suppressions.everyService.length > 0 ? { inlineSuppressions: suppressions.everyService } : {}),
  });
  return { objects, errors: loader.errors, warnings: loader.warnings };
}
