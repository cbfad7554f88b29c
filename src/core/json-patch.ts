import type { JsonPatchOperation } from './config-object.js';
import { err, ok, type Result } from './result.js';

/**
 * RFC 6902 JSON Patch over plain JSON-like values (what YAML and JSON parse to), with RFC 6901 pointers.
 *
 * Written here rather than taken from a package: the admission webhook applies the same patches on its hot path, the
 * checks build them, and `palisade fix` verifies its YAML edits against them, so it has to be pure, never mutate its input
 * (checks share the scanned values), report failures as values, and refuse `__proto__`-style keys from hostile input.
 * The npm packages we looked at mutate by default or throw; the whole algorithm is ~150 lines.
 */

export interface JsonPatchError {
  /** Index of the failing operation in the patch. */
  index: number;
  op: string;
  path: string;
  code: 'invalid-operation' | 'invalid-pointer' | 'path-not-found' | 'test-failed' | 'move-into-self';
  message: string;
}

type Container = Record<string, unknown> | unknown[];

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 6901 tokens of a pointer; undefined when the pointer is malformed (`a/b`, `/~2`). */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const tokens = pointer.slice(1).split('/');
  for (const t of tokens) if (/~(?![01])/.test(t)) return undefined;
  return tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** An array index token: `0` or digits without a leading zero (RFC 6901 §4); `-` is handled by the caller. */
function arrayIndex(token: string): number | undefined {
  return /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : undefined;
}

/** The value a pointer names, or undefined when it names nothing. */
export function getByPointer(root: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  const tokens = parsePointer(pointer);
  if (!tokens) return { found: false };
  let cur: unknown = root;
  for (const t of tokens) {
    if (Array.isArray(cur)) {
      const i = arrayIndex(t);
      if (i === undefined || i >= cur.length) return { found: false };
      cur = cur[i];
    } else if (isObject(cur)) {
      if (!hasOwn(cur, t)) return { found: false };
      cur = cur[t];
    } else return { found: false };
  }
  return { found: true, value: cur };
}

/** RFC 6902 §4.6 equality: same type, numbers by value, objects by members regardless of order, arrays in order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

function deepClone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepClone);
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) define(out, k, deepClone(v[k]));
    return out;
  }
  return v;
}

/** Own data property even for `__proto__`, so a patch can never reach a prototype. */
function define(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function shallowCopy(c: Container): Container {
  if (Array.isArray(c)) return c.slice();
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(c)) define(out, k, c[k]);
  return out;
}

type Edit = (parent: Container, token: string) => Result<Container, { code: JsonPatchError['code']; message: string }>;

/**
 * Copy-on-write along the pointer: the containers on the path are copied, everything else is shared with the input,
 * so applying a patch to a large document costs the depth of the path, not the size of the document.
 */
function editAt(root: unknown, tokens: readonly string[], edit: Edit): Result<unknown, { code: JsonPatchError['code']; message: string }> {
  if (tokens.length === 0) throw new Error('editAt needs a non-empty path');
  const walk = (node: unknown, depth: number): Result<unknown, { code: JsonPatchError['code']; message: string }> => {
    const token = tokens[depth]!;
    if (!Array.isArray(node) && !isObject(node)) {
      return err({ code: 'path-not-found', message: `/${tokens.slice(0, depth).join('/')} is not an object or array` });
    }
    if (depth === tokens.length - 1) return edit(node, token);
    let child: unknown;
    if (Array.isArray(node)) {
      const i = arrayIndex(token);
      if (i === undefined || i >= node.length) return err({ code: 'path-not-found', message: `array index "${token}" does not exist` });
      child = node[i];
    } else {
      if (!hasOwn(node, token)) return err({ code: 'path-not-found', message: `member "${token}" does not exist` });
      child = node[token];
    }
    const res = walk(child, depth + 1);
    if (!res.ok) return res;
    const copy = shallowCopy(node);
    if (Array.isArray(copy)) copy[Number(token)] = res.value;
    else define(copy, token, res.value);
    return ok(copy);
  };
  return walk(root, 0);
}

function addValue(root: unknown, tokens: readonly string[], value: unknown) {
  if (tokens.length === 0) return ok(value);
  return editAt(root, tokens, (parent, token) => {
    const copy = shallowCopy(parent);
    if (Array.isArray(copy)) {
      const i = token === '-' ? copy.length : arrayIndex(token);
      if (i === undefined || i > copy.length) return err({ code: 'path-not-found', message: `array index "${token}" is out of bounds (length ${copy.length})` });
      copy.splice(i, 0, value);
    } else define(copy, token, value);
    return ok(copy);
  });
}

function removeValue(root: unknown, tokens: readonly string[]) {
  if (tokens.length === 0) return err({ code: 'invalid-pointer' as const, message: 'cannot remove the whole document' });
  return editAt(root, tokens, (parent, token) => {
    const copy = shallowCopy(parent);
    if (Array.isArray(copy)) {
      const i = arrayIndex(token);
      if (i === undefined || i >= copy.length) return err({ code: 'path-not-found', message: `array index "${token}" does not exist` });
      copy.splice(i, 1);
    } else {
      if (!hasOwn(copy, token)) return err({ code: 'path-not-found', message: `member "${token}" does not exist` });
      delete copy[token];
    }
    return ok(copy);
  });
}

function replaceValue(root: unknown, tokens: readonly string[], value: unknown) {
  if (tokens.length === 0) return ok(value);
  return editAt(root, tokens, (parent, token) => {
    const copy = shallowCopy(parent);
    if (Array.isArray(copy)) {
      const i = arrayIndex(token);
      if (i === undefined || i >= copy.length) return err({ code: 'path-not-found', message: `array index "${token}" does not exist` });
      copy[i] = value;
    } else {
      if (!hasOwn(copy, token)) return err({ code: 'path-not-found', message: `member "${token}" does not exist` });
      define(copy, token, value);
    }
    return ok(copy);
  });
}

/** Checks the shape of an operation that may come from outside (an admission request, a JSON file). */
function validateOperation(op: unknown): string | undefined {
  if (!isObject(op)) return 'operation is not an object';
  if (typeof op.op !== 'string') return 'operation has no "op"';
  if (typeof op.path !== 'string') return 'operation has no string "path"';
  switch (op.op) {
    case 'add':
    case 'replace':
    case 'test':
      return hasOwn(op, 'value') && op.value !== undefined ? undefined : `"${op.op}" needs a "value"`;
    case 'remove':
      return undefined;
    case 'move':
    case 'copy':
      return typeof op.from === 'string' ? undefined : `"${op.op}" needs a string "from"`;
    default:
      return `unknown op "${op.op}"`;
  }
}

/**
 * Applies an RFC 6902 patch. The input is never mutated; the result shares unchanged subtrees with it. The patch is
 * atomic: on the first failing operation nothing is returned but the error (RFC 6902 §5).
 */
export function applyJsonPatch(doc: unknown, patch: readonly JsonPatchOperation[]): Result<unknown, JsonPatchError> {
  let cur = doc;
  for (let index = 0; index < patch.length; index++) {
    const op = patch[index] as unknown as Record<string, unknown>;
    const fail = (code: JsonPatchError['code'], message: string) =>
      err<JsonPatchError>({ index, op: String(op?.op ?? ''), path: String(op?.path ?? ''), code, message });
    const invalid = validateOperation(op);
    if (invalid) return fail('invalid-operation', invalid);
    const path = op.path as string;
    const tokens = parsePointer(path);
    if (!tokens) return fail('invalid-pointer', `"${path}" is not a JSON pointer`);
    let res: Result<unknown, { code: JsonPatchError['code']; message: string }>;
    switch (op.op) {
      case 'add':
        res = addValue(cur, tokens, deepClone(op.value));
        break;
      case 'remove':
        res = removeValue(cur, tokens);
        break;
      case 'replace':
        res = replaceValue(cur, tokens, deepClone(op.value));
        break;
      case 'test': {
        const got = getByPointer(cur, path);
        if (!got.found) return fail('path-not-found', `nothing at "${path}" to test`);
        if (!jsonEqual(got.value, op.value)) return fail('test-failed', `value at "${path}" is ${JSON.stringify(got.value)}, expected ${JSON.stringify(op.value)}`);
        res = ok(cur);
        break;
      }
      case 'move':
      case 'copy': {
        const from = op.from as string;
        const fromTokens = parsePointer(from);
        if (!fromTokens) return fail('invalid-pointer', `"${from}" is not a JSON pointer`);
        const got = getByPointer(cur, from);
        if (!got.found) return fail('path-not-found', `nothing at "${from}" to ${op.op}`);
        if (op.op === 'move') {
          if (from === path) {
            res = ok(cur);
            break;
          }
          // §4.4: a location cannot be moved into one of its children.
          if (tokens.length > fromTokens.length && fromTokens.every((t, i) => tokens[i] === t)) return fail('move-into-self', `cannot move "${from}" into its own child "${path}"`);
          const removed = removeValue(cur, fromTokens);
          if (!removed.ok) return fail(removed.error.code, removed.error.message);
          res = addValue(removed.value, tokens, got.value);
        } else res = addValue(cur, tokens, deepClone(got.value));
        break;
      }
      default:
        return fail('invalid-operation', `unknown op "${String(op.op)}"`);
    }
    if (!res.ok) return fail(res.error.code, res.error.message);
    cur = res.value;
  }
  return ok(cur);
}
