import { celFromScalar, celFunc, celList, celMap, celMethod, CelScalar, isCelList, isCelMap, isCelUint, type CelFunc, type CelValue } from '@bufbuild/cel';
import type { DescField } from '@bufbuild/protobuf';
import { create } from '@bufbuild/protobuf';
import { isReflectMessage, type ReflectMessage } from '@bufbuild/protobuf/reflect';
import { OPTIONAL_DESC, OPTIONAL_TYPE } from '../types.js';
import { equal } from './std.js';

/*
 * CEL optional values (https://github.com/google/cel-spec/wiki/proposal-246), as Kubernetes enables them: `optional.of`,
 * `optional.none`, `optional.ofNonZeroValue`, `.hasValue()`, `.value()`, `.orValue()`, `.or()`, plus the operators the
 * rewritten `.?` / `[?]` syntax calls. An optional is an `optional_type` message (see types.ts); what it holds lives in a
 * WeakMap keyed by the message, because a protobuf field cannot hold an arbitrary CEL value.
 */

const { BOOL, DYN, STRING } = CelScalar;

const held = new WeakMap<object, CelValue>();

export const OPT_SELECT = '@palisade_opt_select';
export const OPT_INDEX = '@palisade_opt_index';
export const OPT_HAS = '@palisade_opt_has';

function of(v: CelValue): unknown {
  const m = create(OPTIONAL_DESC);
  held.set(m, v);
  return m;
}

function none(): unknown {
  return create(OPTIONAL_DESC);
}

export function isOptional(v: unknown): v is ReflectMessage {
  return isReflectMessage(v) && v.desc.typeName === OPTIONAL_DESC.typeName;
}

function contents(v: ReflectMessage): { has: true; value: CelValue } | { has: false } {
  const m = v.message as object;
  return held.has(m) ? { has: true, value: held.get(m)! } : { has: false };
}

function isZero(v: CelValue): boolean {
  switch (typeof v) {
    case 'bigint':
      return v === 0n;
    case 'number':
      return v === 0;
    case 'string':
      return v === '';
    case 'boolean':
      return !v;
  }
  if (v === null) return true;
  if (v instanceof Uint8Array) return v.length === 0;
  if (isCelUint(v)) return v.value === 0n;
  if (isCelList(v) || isCelMap(v)) return v.size === 0;
  return false;
}

function optEquals(a: CelValue, b: CelValue): boolean {
  const ao = isOptional(a);
  const bo = isOptional(b);
  if (!ao && !bo) return equal(a, b);
  if (ao !== bo) return false;
  const ca = contents(a as ReflectMessage);
  const cb = contents(b as ReflectMessage);
  if (!ca.has || !cb.has) return ca.has === cb.has;
  return optEquals(ca.value, cb.value);
}

/** `operand.?field` / `operand[?key]`: present → optional.of(value), absent → optional.none(). */
function select(operand: CelValue, key: CelValue): unknown {
  let target = operand;
  if (isOptional(target)) {
    const c = contents(target);
    if (!c.has) return none();
    target = c.value;
  }
  if (isCelMap(target)) {
    if (typeof key !== 'string' && typeof key !== 'bigint' && typeof key !== 'boolean' && typeof key !== 'number' && !isCelUint(key)) {
      throw new Error(`unsupported map key type ${typeof key}`);
    }
    // `get` rather than `has`: a key whose value is null is present.
    const v = target.get(key);
    return v === undefined ? none() : of(v);
  }
  if (isCelList(target)) {
    let index: number;
    if (typeof key === 'bigint') index = Number(key);
    else if (isCelUint(key)) index = Number(key.value);
    else if (typeof key === 'number' && Number.isInteger(key)) index = key;
    else throw new Error(`invalid list index ${String(key)}`);
    const v = index >= 0 && index < target.size ? target.get(index) : undefined;
    return v === undefined ? none() : of(v);
  }
  if (isReflectMessage(target) && typeof key === 'string') {
    const field = target.desc.fields.find((f) => f.name === key);
    if (!field) throw new Error(`no such field '${key}'`);
    return target.isSet(field) ? of(fieldValue(target, field)) : none();
  }
  throw new Error(`optional selection of ${typeof key === 'string' ? `'${key}'` : String(key)} on a value that is not a map, list or message`);
}

/** A message field as a CEL value (the library does this inside its planner, which is not exported). */
function fieldValue(msg: ReflectMessage, field: DescField): CelValue {
  switch (field.fieldKind) {
    case 'list':
      return celList(msg.get(field));
    case 'map':
      return celMap(msg.get(field));
    case 'enum':
      return BigInt(msg.get(field));
    case 'scalar':
      return celFromScalar(field.scalar, msg.get(field)) as CelValue;
    case 'message':
      return msg.get(field) as unknown as CelValue;
  }
}

function presence(operand: CelValue, field: string): boolean {
  let target = operand;
  if (isOptional(target)) {
    const c = contents(target);
    if (!c.has) return false;
    target = c.value;
  }
  if (isCelMap(target)) return target.get(field) !== undefined;
  if (isReflectMessage(target)) {
    const f = target.desc.fields.find((x) => x.name === field);
    if (!f) throw new Error(`no such field '${field}'`);
    return target.isSet(f);
  }
  throw new Error(`has() on a value that is not a map or message`);
}

export const optionalFuncs: CelFunc[] = [
  celFunc('optional.of', [DYN], OPTIONAL_TYPE, (v) => of(v) as never),
  celFunc('optional.ofNonZeroValue', [DYN], OPTIONAL_TYPE, (v) => (isZero(v) ? none() : of(v)) as never),
  celFunc('optional.none', [], OPTIONAL_TYPE, () => none() as never),
  celMethod('hasValue', OPTIONAL_TYPE, [], BOOL, function () {
    return contents(this).has;
  }),
  celMethod('value', OPTIONAL_TYPE, [], DYN, function () {
    const c = contents(this);
    if (!c.has) throw new Error('optional.none() dereference');
    return c.value;
  }),
  celMethod('orValue', OPTIONAL_TYPE, [DYN], DYN, function (fallback) {
    const c = contents(this);
    return c.has ? c.value : fallback;
  }),
  celMethod('or', OPTIONAL_TYPE, [OPTIONAL_TYPE], OPTIONAL_TYPE, function (other) {
    return (contents(this).has ? this : other) as never;
  }),
  celFunc(OPT_SELECT, [DYN, STRING], OPTIONAL_TYPE, (operand, field) => select(operand, field) as never),
  celFunc(OPT_INDEX, [DYN, DYN], OPTIONAL_TYPE, (operand, key) => select(operand, key) as never),
  celFunc(OPT_HAS, [DYN, STRING], BOOL, (operand, field) => presence(operand, field)),
  // Same overload ids as the standard ones, so these replace them: optionals compare by what they hold.
  celFunc('_==_', [DYN, DYN], BOOL, (a, b) => optEquals(a, b)),
  celFunc('_!=_', [DYN, DYN], BOOL, (a, b) => !optEquals(a, b)),
];
