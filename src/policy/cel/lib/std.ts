import { celEnv, isCelError, type CelValue } from '@bufbuild/cel';

/*
 * The library's standard overloads, reached through a plain environment: list helpers (`sum`, `min`, `isSorted`…) must
 * compare and add exactly like CEL's `<` and `+` do, across every type those support, so they call them instead of
 * re-implementing numeric promotion, durations and timestamps.
 */
const std = celEnv().funcs;

function call(op: string, args: CelValue[]): CelValue | undefined {
  const r = std.find(op)?.call(0, undefined, args);
  if (r === undefined) return undefined;
  if (isCelError(r)) throw r;
  return r;
}

/** CEL `a < b`; throws when the values are not comparable. */
export function less(a: CelValue, b: CelValue): boolean {
  const r = call('_<_', [a, b]);
  if (typeof r !== 'boolean') throw new Error(`no such overload: values of types ${typeName(a)} and ${typeName(b)} are not comparable`);
  return r;
}

/** CEL `a + b`; throws when the values cannot be added. */
export function add(a: CelValue, b: CelValue): CelValue {
  const r = call('_+_', [a, b]);
  if (r === undefined) throw new Error(`no such overload: cannot add ${typeName(a)} and ${typeName(b)}`);
  return r;
}

/** CEL `a == b` as the standard library defines it. */
export function equal(a: CelValue, b: CelValue): boolean {
  return call('_==_', [a, b]) === true;
}

function typeName(v: CelValue): string {
  const t = call('type', [v]);
  return t && typeof t === 'object' && 'name' in t ? String(t.name) : typeof v;
}
