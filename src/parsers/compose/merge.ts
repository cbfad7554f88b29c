/**
 * `extends`: a service's own mapping merged over the service it extends, with the compose specification's merge rules
 * (https://github.com/compose-spec/compose-spec/blob/main/13-merge.md, as compose-go applies them):
 * mappings merge key by key, sequences append, `command`/`entrypoint`/`healthcheck.test` are replaced, key/value
 * fields (`environment`, `labels`, `sysctls`, …) merge by key in either syntax, and `ports`, `volumes`, `secrets`,
 * `configs`, `devices` and the string lists (`cap_add`, `dns`, …) keep one entry per unique key, the local one winning.
 * `!reset` drops a key, `!override` replaces it whole.
 *
 * The merge also records where each merged value came from (`Origin`), so a finding on a value inherited from the
 * base service can be located at the `extends` key, and one on a local value at its own line even when the merge
 * moved it (the local `ports[0]` may be the merged `ports[2]`).
 */

import { carryScalarOrigin, type ScalarOrigin } from './interpolate.js';
import { parseDevice, parsePort, parseVolume, splitKeyValue } from './syntax.js';

type Rec = Record<string, unknown>;

/** Where a merged value came from: all local (same path), all base, or a container whose children differ. */
export type Origin = 'local' | 'base' | MergedOrigin;
export interface MergedOrigin {
  kind: 'merged';
  children: Map<string | number, { from: 'base' } | { from: 'local'; seg: string | number; origin: Origin }>;
}

export type LocalTag = 'reset' | 'override';

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const REPLACED = new Set(['command', 'entrypoint', 'healthcheck.test']);
/** Fields written as a `KEY=VALUE` list or a mapping, merged by key. */
const KEY_VALUE = new Set(['environment', 'labels', 'annotations', 'sysctls', 'build.args', 'build.labels', 'build.additional_contexts', 'deploy.labels', 'networks', 'depends_on', 'links']);
/** Sequences whose entries are unique by a key; entries of the extending service replace base entries with the same key. */
const UNIQUE: Record<string, (item: unknown) => string> = {
  ports: (i) => {
    const p = parsePort(i);
    return p ? `${p.hostIp}|${p.published}|${p.target}|${p.protocol}` : JSON.stringify(i);
  },
  volumes: (i) => parseVolume(i)?.target ?? JSON.stringify(i),
  devices: (i) => parseDevice(i)?.target ?? JSON.stringify(i),
  secrets: (i) => (typeof i === 'string' ? `/run/secrets/${i}` : isRecord(i) ? String(i.target ?? `/run/secrets/${String(i.source)}`) : JSON.stringify(i)),
  configs: (i) => (typeof i === 'string' ? `/${i}` : isRecord(i) ? String(i.target ?? `/${String(i.source)}`) : JSON.stringify(i)),
};
for (const f of ['cap_add', 'cap_drop', 'dns', 'dns_search', 'dns_opt', 'expose', 'profiles', 'tmpfs', 'security_opt', 'env_file', 'external_links', 'group_add', 'device_cgroup_rules', 'extra_hosts']) {
  UNIQUE[f] = (i) => (typeof i === 'string' || typeof i === 'number' ? String(i) : JSON.stringify(i));
}

interface Merged {
  value: unknown;
  origin: Origin;
}

/** Merges the extending service's mapping (`local`) over the resolved base service. `tags` are `!reset`/`!override` by relative path. */
export function extendService(base: Rec, local: Rec, tags: ReadonlyMap<string, LocalTag> = new Map()): { value: Rec; origin: MergedOrigin } {
  const { extends: _ignored, ...own } = local;
  const m = mergeMaps([], base, own, tags, local);
  return { value: m.value as Rec, origin: m.origin as MergedOrigin };
}

function mergeMaps(path: string[], base: Rec, local: Rec, tags: ReadonlyMap<string, LocalTag>, localContainer: Rec = local): Merged {
  const out: Rec = {};
  const children: MergedOrigin['children'] = new Map();
  for (const [k, v] of Object.entries(base)) {
    if (k === 'extends' && path.length === 0) continue;
    out[k] = v;
    carryScalarOrigin(base, k, out, k);
    children.set(k, { from: 'base' });
  }
  for (const [k, v] of Object.entries(local)) {
    const p = [...path, k];
    const key = p.join('.');
    const tag = tags.get(key);
    if (tag === 'reset') {
      delete out[k];
      children.delete(k);
      continue;
    }
    const has = Object.hasOwn(out, k);
    if (!has || tag === 'override' || (path.length === 0 && k.startsWith('x-'))) {
      out[k] = v;
      carryScalarOrigin(localContainer, k, out, k);
      children.set(k, { from: 'local', seg: k, origin: 'local' });
      continue;
    }
    const merged = mergeValues(p, out[k], v, tags);
    out[k] = merged.value;
    if (merged.origin === 'local') carryScalarOrigin(localContainer, k, out, k);
    children.set(k, merged.origin === 'base' ? { from: 'base' } : { from: 'local', seg: k, origin: merged.origin });
  }
  return { value: out, origin: { kind: 'merged', children } };
}

function mergeValues(path: string[], base: unknown, local: unknown, tags: ReadonlyMap<string, LocalTag>): Merged {
  const key = path.join('.');
  if (REPLACED.has(key)) return { value: local, origin: 'local' };
  if (key === 'logging' && isRecord(base) && isRecord(local)) {
    // compose-go: options merge only when both name the same driver (or one names none); otherwise the local one wins.
    if (typeof base.driver === 'string' && typeof local.driver === 'string' && base.driver !== local.driver) return { value: local, origin: 'local' };
  }
  if (KEY_VALUE.has(key)) return mergeKeyValue(base, local);
  const unique = UNIQUE[key];
  if (unique && Array.isArray(base) && Array.isArray(local)) return mergeUnique(base, local, unique);
  if (isRecord(base) && isRecord(local)) return mergeMaps(path, base, local, tags);
  if (Array.isArray(base) && Array.isArray(local)) return mergeUnique(base, local, undefined);
  return { value: local, origin: 'local' };
}

/** Base entries not replaced by a local entry of the same key, then every local entry (a `key` of undefined: plain append). */
function mergeUnique(base: unknown[], local: unknown[], key: ((item: unknown) => string) | undefined): Merged {
  const localKeys = key ? new Set(local.map(key)) : new Set<string>();
  const out: unknown[] = [];
  const children: MergedOrigin['children'] = new Map();
  base.forEach((item, i) => {
    if (key && localKeys.has(key(item))) return;
    carryScalarOrigin(base, i, out, out.length);
    children.set(out.length, { from: 'base' });
    out.push(item);
  });
  local.forEach((item, i) => {
    carryScalarOrigin(local, i, out, out.length);
    children.set(out.length, { from: 'local', seg: i, origin: 'local' });
    out.push(item);
  });
  return { value: out, origin: { kind: 'merged', children } };
}

interface KeyValueEntry {
  key: string;
  /** The mapping value; for list items, the part after `=` (undefined without one). */
  value: unknown;
  /** Index or key in the container it came from. */
  at: string | number;
}

function keyValueEntries(v: unknown): KeyValueEntry[] {
  if (Array.isArray(v)) {
    const out: KeyValueEntry[] = [];
    v.forEach((item, i) => {
      if (typeof item === 'string') out.push({ key: splitKeyValue(item).key, value: splitKeyValue(item).value, at: i });
      else if (typeof item === 'number') out.push({ key: String(item), value: undefined, at: i });
    });
    return out;
  }
  if (isRecord(v)) return Object.entries(v).map(([key, value]) => ({ key, value, at: key }));
  return [];
}

const afterEquals = (o: ScalarOrigin): ScalarOrigin => ({ raw: splitKeyValue(o.raw).value ?? o.raw, unset: o.unset });

/**
 * Merges a key/value field. The result keeps the local syntax when both sides use the same one, and is a mapping
 * otherwise (compose reads both as a mapping); local entries win by key.
 */
function mergeKeyValue(base: unknown, local: unknown): Merged {
  const localEntries = keyValueEntries(local);
  const localKeys = new Set(localEntries.map((e) => e.key));
  const children: MergedOrigin['children'] = new Map();
  if (Array.isArray(base) && Array.isArray(local)) {
    const out: unknown[] = [];
    for (const e of keyValueEntries(base)) {
      if (localKeys.has(e.key)) continue;
      carryScalarOrigin(base, e.at, out, out.length);
      children.set(out.length, { from: 'base' });
      out.push(base[e.at as number]);
    }
    for (const e of localEntries) {
      carryScalarOrigin(local, e.at, out, out.length);
      children.set(out.length, { from: 'local', seg: e.at, origin: 'local' });
      out.push(local[e.at as number]);
    }
    return { value: out, origin: { kind: 'merged', children } };
  }
  const out: Rec = {};
  const put = (side: unknown, e: KeyValueEntry, from: 'base' | 'local'): void => {
    const fromList = Array.isArray(side);
    out[e.key] = fromList ? (e.value ?? null) : e.value;
    carryScalarOrigin(side as object, e.at, out, e.key, fromList ? afterEquals : undefined);
    children.set(e.key, from === 'base' ? { from } : { from, seg: e.at, origin: 'local' });
  };
  for (const e of keyValueEntries(base)) if (!localKeys.has(e.key)) put(base, e, 'base');
  for (const e of localEntries) put(local, e, 'local');
  return { value: out, origin: { kind: 'merged', children } };
}

/**
 * Translates a path into the merged service into the path of the same value in the extending service's own mapping,
 * or 'base' when the value came from the service it extends. A path that leaves the merged value continues unchanged
 * (the locator then falls back to the nearest parent that exists in the file).
 */
export function localPathOf(origin: Origin, path: readonly (string | number)[]): (string | number)[] | 'base' {
  const out: (string | number)[] = [];
  let o: Origin = origin;
  for (let i = 0; i < path.length; i++) {
    if (o === 'local') return [...out, ...path.slice(i)];
    if (o === 'base') return 'base';
    const seg = path[i]!;
    const child = o.children.get(seg) ?? (typeof seg === 'number' ? undefined : o.children.get(Number(seg)));
    if (!child) return [...out, ...path.slice(i)];
    if (child.from === 'base') return 'base';
    out.push(child.seg);
    o = child.origin;
  }
  return o === 'base' ? 'base' : out;
}

/** True when the value at `path` of the merged service, or any part of it, came from the service it extends. */
export function touchesBase(origin: Origin, path: readonly (string | number)[]): boolean {
  let o: Origin = origin;
  for (const seg of path) {
    if (o === 'local') return false;
    if (o === 'base') return true;
    const child = o.children.get(seg) ?? (typeof seg === 'number' ? undefined : o.children.get(Number(seg)));
    if (!child) return false;
    if (child.from === 'base') return true;
    o = child.origin;
  }
  const any = (x: Origin): boolean => x === 'base' || (x !== 'local' && [...x.children.values()].some((c) => c.from === 'base' || any(c.origin)));
  return any(o);
}

/**
 * The inverse of `localPathOf`: where a path of the extending service's own mapping ended up in the merged service
 * (its `ports[0]` may be the merged `ports[2]`, its `environment[1]` the merged `environment.KEY`). Undefined when the
 * value is not in the merged service (`!reset`).
 */
export function mergedPathOf(origin: Origin, local: readonly (string | number)[]): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let o: Origin = origin;
  for (let i = 0; i < local.length; i++) {
    if (o === 'local') return [...out, ...local.slice(i)];
    if (o === 'base') return undefined;
    let next: Origin | undefined;
    for (const [key, child] of o.children) {
      if (child.from === 'local' && child.seg === local[i]) {
        out.push(key);
        next = child.origin;
        break;
      }
    }
    if (next === undefined) return undefined;
    o = next;
  }
  return out;
}

/** The merged paths of every value inherited whole from the base service (the outermost ones). */
export function inheritedPaths(origin: Origin): (string | number)[][] {
  if (origin === 'base') return [[]];
  if (origin === 'local') return [];
  const out: (string | number)[][] = [];
  for (const [key, child] of origin.children) {
    if (child.from === 'base') out.push([key]);
    else for (const p of inheritedPaths(child.origin)) out.push([key, ...p]);
  }
  return out;
}
