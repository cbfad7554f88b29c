import { toJsonPointer, type FindingFix, type JsonPatchOperation } from '../../core/config-object.js';
import type { DataPath } from '../../core/location.js';
import { isRecord } from '../../parsers/k8s-yaml/index.js';

/**
 * Builders for the `fix` of a finding: RFC 6902 patches relative to the object's root, computed against the object's
 * current value so they apply as they are (`palisade fix` writes them into the file, the admission webhook will send them
 * as a JSONPatch response). A builder returns undefined when no patch can express the fix safely (a field of the wrong
 * type on the way), and the check then reports without a fix.
 */

type Value = unknown;

function childOf(node: Value, seg: string | number): { exists: boolean; value: Value } {
  if (typeof seg === 'number') {
    if (Array.isArray(node) && seg >= 0 && seg < node.length) return { exists: true, value: node[seg] };
    return { exists: false, value: undefined };
  }
  if (isRecord(node) && Object.prototype.hasOwnProperty.call(node, seg)) return { exists: true, value: node[seg] };
  return { exists: false, value: undefined };
}

/** `{a: {b: value}}` for the segments ['a', 'b']: the parents JSON Patch `add` cannot create on its own. */
function nest(segments: readonly (string | number)[], value: Value): Value {
  let out = value;
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i]!;
    if (typeof seg === 'number') return undefined;
    out = { [seg]: out };
  }
  return out;
}

/**
 * The operations that make `path` hold `value` in `root`:
 * - the field exists: `test` its current value, then `replace` it (a stale patch fails instead of overwriting an edit);
 * - the parent exists: `add` the member;
 * - parents are missing: `add` the first missing one with the rest nested inside (JSON Patch `add` fails when the parent
 *   does not exist), e.g. a whole `securityContext: {allowPrivilegeEscalation: false}`;
 * - a parent is null (`securityContext:` with nothing after it): `replace` it with the nested object.
 * Returns undefined when something on the way is not a mapping (a list where a key is expected, a string, …) or a
 * missing segment is an array index: there is no safe patch for that.
 */
export function ensureValueOps(root: Value, path: DataPath, value: Value): JsonPatchOperation[] | undefined {
  if (path.length === 0) return undefined;
  let node: Value = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const child = childOf(node, seg);
    if (!child.exists) {
      if (typeof seg === 'number' || !isRecord(node)) return undefined;
      const nested = nest(path.slice(i + 1), value);
      if (nested === undefined) return undefined;
      return [{ op: 'add', path: toJsonPointer(path.slice(0, i + 1)), value: nested }];
    }
    if (last) {
      const ptr = toJsonPointer(path);
      return [
        { op: 'test', path: ptr, value: child.value },
        { op: 'replace', path: ptr, value },
      ];
    }
    if (child.value === null || child.value === undefined) {
      const nested = nest(path.slice(i + 1), value);
      if (nested === undefined) return undefined;
      const ptr = toJsonPointer(path.slice(0, i + 1));
      return [
        { op: 'test', path: ptr, value: null },
        { op: 'replace', path: ptr, value: nested },
      ];
    }
    node = child.value;
  }
  return undefined;
}

/** A fix that sets `path` to `value` (see `ensureValueOps`); undefined when it is already so or cannot be patched. */
export function setFix(root: Value, path: DataPath, value: Value, description: string): FindingFix | undefined {
  const patch = ensureValueOps(root, path, value);
  if (!patch) return undefined;
  const current = patch.find((op) => op.op === 'test' && op.path === toJsonPointer(path));
  if (current && current.op === 'test' && JSON.stringify(current.value) === JSON.stringify(value)) return undefined;
  return { description, patch };
}

/**
 * A fix that appends `item` to the list at `path`, creating the list (and missing parents) when absent. Undefined when
 * the list already holds the item or something on the way is not of the expected type.
 */
export function appendFix(root: Value, path: DataPath, item: Value, description: string): FindingFix | undefined {
  let node: Value = root;
  for (const seg of path) {
    const child = childOf(node, seg);
    if (!child.exists || child.value === null) return setFix(root, path, [item], description);
    node = child.value;
  }
  if (!Array.isArray(node)) return undefined;
  if (node.some((v) => JSON.stringify(v) === JSON.stringify(item))) return undefined;
  return { description, patch: [{ op: 'add', path: `${toJsonPointer(path)}/-`, value: item }] };
}

/** A fix that removes the member or item at `path` (after testing its value); undefined when it does not exist. */
export function removeFix(root: Value, path: DataPath, description: string): FindingFix | undefined {
  let node: Value = root;
  for (const seg of path) {
    const child = childOf(node, seg);
    if (!child.exists) return undefined;
    node = child.value;
  }
  const ptr = toJsonPointer(path);
  return {
    description,
    patch: [
      { op: 'test', path: ptr, value: node },
      { op: 'remove', path: ptr },
    ],
  };
}

/**
 * A fix that renames a member of the same mapping (`serviceAccount` → `serviceAccountName`) with a JSON Patch `move`.
 * Undefined when the source is missing or the target exists (a move would overwrite it).
 */
export function renameFix(root: Value, from: DataPath, to: DataPath, description: string): FindingFix | undefined {
  let node: Value = root;
  for (const seg of from) {
    const child = childOf(node, seg);
    if (!child.exists) return undefined;
    node = child.value;
  }
  let target: Value = root;
  for (const seg of to.slice(0, -1)) target = childOf(target, seg).value;
  if (!isRecord(target) || childOf(target, to[to.length - 1]!).exists) return undefined;
  const ptr = toJsonPointer(from);
  return {
    description,
    patch: [
      { op: 'test', path: ptr, value: node },
      { op: 'move', from: ptr, path: toJsonPointer(to) },
    ],
  };
}

/** One finding's fix waiting to be applied, with whatever the caller needs to know about it. */
export interface FixCandidate<T> {
  item: T;
  patch: readonly JsonPatchOperation[];
}

export interface FixSchedule<T> {
  /** Fixes that can be applied together, in order. */
  apply: FixCandidate<T>[];
  /** Fixes whose patch is the same as one in `apply` (several findings, one change: a pod-level seccomp profile). */
  duplicates: FixCandidate<T>[];
  /** Fixes that touch a field another fix of this round touches: computed again on the result, next round. */
  deferred: FixCandidate<T>[];
}

function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Where a patch writes (its `test` ops only read). */
function writtenPointers(patch: readonly JsonPatchOperation[]): string[][] {
  const out: string[][] = [];
  for (const op of patch) {
    if (op.op === 'test') continue;
    out.push(pointerTokens(op.path));
    if (op.op === 'move' || op.op === 'copy') out.push(pointerTokens(op.from));
  }
  return out;
}

/** One pointer is the other or inside it. */
function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Picks the fixes of one object (or document) that can be applied in one go. Every fix was computed against the same
 * value, so two fixes that write the same field, or one inside the other (two checks each adding a whole
 * `securityContext`), would overwrite each other: the first one in `candidates` order wins this round, the others wait.
 * Rounds are cheap: after applying, the caller checks again and gets fixes computed against the new value.
 */
export function scheduleFixes<T>(candidates: readonly FixCandidate<T>[]): FixSchedule<T> {
  const out: FixSchedule<T> = { apply: [], duplicates: [], deferred: [] };
  const seen = new Set<string>();
  const written: string[][] = [];
  for (const c of candidates) {
    const key = JSON.stringify(c.patch);
    if (seen.has(key)) {
      out.duplicates.push(c);
      continue;
    }
    const ptrs = writtenPointers(c.patch);
    if (ptrs.some((a) => written.some((b) => overlaps(a, b)))) {
      out.deferred.push(c);
      continue;
    }
    seen.add(key);
    written.push(...ptrs);
    out.apply.push(c);
  }
  return out;
}

/**
 * Sets a seccomp or AppArmor profile (`{type: RuntimeDefault}`) at `profilePath`. Only `type` changes when it is the
 * profile's only field; otherwise the whole profile is replaced, since `localhostProfile` next to any type but Localhost
 * is rejected by the API server.
 */
export function profileTypeFix(root: Value, profilePath: DataPath, type: string, description: string): FindingFix | undefined {
  let node: Value = root;
  for (const seg of profilePath) node = childOf(node, seg).value;
  if (isRecord(node) && Object.keys(node).every((k) => k === 'type')) return setFix(root, [...profilePath, 'type'], type, description);
  return setFix(root, profilePath, { type }, description);
}
