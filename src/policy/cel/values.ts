import { celList, celMap, isCelError, isCelList, isCelMap, isCelType, isCelUint, type CelInput, type CelValue } from '@bufbuild/cel';
import { isReflectMessage } from '@bufbuild/protobuf/reflect';

/*
 * Plain data (parsed YAML/JSON/HCL) → CEL values, the way the Kubernetes API server sees an object: integers are CEL
 * `int`, other numbers `double`, mappings are maps with string keys. @bufbuild/cel maps every JS number to `double`,
 * which would make `object.spec.replicas + 1` a type error ("no matching overload for double + int"), so numbers are
 * converted here.
 *
 * Conversion is lazy: a mapping or sequence becomes a view that converts a member when an expression reads it. Scanned
 * objects can be large (a CRD with its whole OpenAPI schema) while expressions read a few fields, and converting every
 * object eagerly cost seconds on a real repository. The views implement the library's CelMap / CelList protocol, which
 * it recognises by registered symbols; if a future version recognises them differently, the self-check below notices
 * and conversion falls back to building the library's own maps and lists up front.
 */

const MAP_MARK = Symbol.for('@bufbuild/cel/map');
const LIST_MARK = Symbol.for('@bufbuild/cel/list');

class LazyMap {
  readonly [MAP_MARK] = {};
  private count = -1;
  constructor(private readonly raw: Record<string, unknown>) {}
  get size(): number {
    if (this.count < 0) this.count = Object.keys(this.raw).filter((k) => this.raw[k] !== undefined).length;
    return this.count;
  }
  get(key: unknown): CelValue | undefined {
    // Keys of parsed documents are strings; `m[1]` does not find `"1"`, as in cel-go.
    if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(this.raw, key)) return undefined;
    const v = this.raw[key];
    return v === undefined ? undefined : toCel(v);
  }
  has(key: unknown): boolean {
    return this.get(key) !== undefined;
  }
  *keys(): IterableIterator<string> {
    for (const k of Object.keys(this.raw)) if (this.raw[k] !== undefined) yield k;
  }
  *values(): IterableIterator<CelValue> {
    for (const k of this.keys()) yield toCel(this.raw[k]);
  }
  *entries(): IterableIterator<[string, CelValue]> {
    for (const k of this.keys()) yield [k, toCel(this.raw[k])];
  }
  forEach(callback: (value: CelValue, key: string, map: LazyMap) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }
  [Symbol.iterator](): IterableIterator<[string, CelValue]> {
    return this.entries();
  }
}

class LazyList {
  readonly [LIST_MARK] = {};
  constructor(private readonly raw: readonly unknown[]) {}
  get size(): number {
    return this.raw.length;
  }
  get(index: number): CelValue | undefined {
    return index >= 0 && index < this.raw.length ? toCel(this.raw[index]) : undefined;
  }
  *values(): IterableIterator<CelValue> {
    for (const v of this.raw) yield toCel(v);
  }
  [Symbol.iterator](): IterableIterator<CelValue> {
    return this.values();
  }
}

/** Whether the library accepts the lazy views as its own maps and lists (checked once, at load). */
const LAZY = isCelMap(new LazyMap({})) && isCelList(new LazyList([]));

const converted = new WeakMap<object, CelValue>();

/** Converts plain data into CEL values. Shared and cyclic structures (YAML anchors) are converted once. */
export function toCel(value: unknown): CelValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'bigint':
      return value;
    case 'number':
      return Number.isInteger(value) && Number.isSafeInteger(value) ? BigInt(value) : value;
    case 'undefined':
      return null;
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value === null) return null;
  if (isCelValueObject(value)) return value as CelValue;
  const seen = converted.get(value);
  if (seen !== undefined) return seen;
  if (value instanceof Uint8Array) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (LAZY && Array.isArray(value)) return remember(value, new LazyList(value) as unknown as CelValue);
  if (LAZY && !(value instanceof Map)) return remember(value, new LazyMap(value as Record<string, unknown>) as unknown as CelValue);
  if (Array.isArray(value)) {
    const items: CelInput[] = [];
    const list = remember(value, celList(items));
    for (const item of value) items.push(toCel(item));
    return list;
  }
  const entries = new Map<string | bigint | boolean, CelInput>();
  const map = remember(value, celMap(entries));
  const pairs: Iterable<[unknown, unknown]> = value instanceof Map ? value : Object.entries(value);
  for (const [k, v] of pairs) if (v !== undefined) entries.set(mapKey(k), toCel(v));
  return map;
}

function remember(raw: object, v: CelValue): CelValue {
  converted.set(raw, v);
  return v;
}

function mapKey(k: unknown): string | bigint | boolean {
  if (typeof k === 'boolean' || typeof k === 'bigint') return k;
  if (typeof k === 'number' && Number.isInteger(k)) return BigInt(k);
  return String(k);
}

function isCelValueObject(v: object): boolean {
  return isCelList(v) || isCelMap(v) || isCelUint(v) || isCelType(v) || isReflectMessage(v);
}

/** A CEL value as plain data (for messages, params and debugging): ints become numbers when safe, maps objects. */
export function fromCel(v: CelValue, depth = 0): unknown {
  if (depth > 256) return '…';
  switch (typeof v) {
    case 'bigint':
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    case 'string':
    case 'boolean':
    case 'number':
      return v;
  }
  if (v === null) return null;
  if (isCelUint(v)) return fromCel(v.value, depth);
  if (isCelList(v)) return Array.from(v, (e) => fromCel(e, depth + 1));
  if (isCelMap(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of v.entries()) out[String(isCelUint(k) ? k.value : k)] = fromCel(val, depth + 1);
    return out;
  }
  return displayCel(v);
}

/** A short, human-readable rendering of any CEL value, used in error messages and `messageExpression` diagnostics. */
export function displayCel(v: unknown, depth = 0): string {
  if (depth > 8) return '…';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'bigint':
      return v.toString();
    case 'number':
      return Number.isInteger(v) ? v.toFixed(1) : String(v);
    case 'boolean':
      return String(v);
  }
  if (v === null || v === undefined) return 'null';
  if (isCelError(v)) return `error(${v.message})`;
  if (isCelUint(v)) return `${v.value}u`;
  if (isCelType(v)) return v.name;
  if (v instanceof Uint8Array) return `b"${Array.from(v, (b) => '\\x' + b.toString(16).padStart(2, '0')).join('')}"`;
  if (isCelList(v)) {
    const parts: string[] = [];
    for (const e of v) {
      if (parts.length === 10) {
        parts.push(`… ${v.size - 10} more`);
        break;
      }
      parts.push(displayCel(e, depth + 1));
    }
    return `[${parts.join(', ')}]`;
  }
  if (isCelMap(v)) {
    const parts: string[] = [];
    for (const [k, val] of v.entries()) {
      if (parts.length === 10) {
        parts.push(`… ${v.size - 10} more`);
        break;
      }
      parts.push(`${displayCel(k, depth + 1)}: ${displayCel(val, depth + 1)}`);
    }
    return `{${parts.join(', ')}}`;
  }
  if (isReflectMessage(v)) {
    const value = (v.message as unknown as { value?: unknown }).value;
    return typeof value === 'string' ? `${v.desc.typeName}(${JSON.stringify(value)})` : v.desc.typeName;
  }
  return String(v);
}
