import { celFunc, celMethod, CelScalar, type CelFunc } from '@bufbuild/cel';
import type { ReflectMessage } from '@bufbuild/protobuf/reflect';
import { QUANTITY } from '../types.js';

/*
 * Kubernetes resource quantities in CEL (k8s.io/apiserver/pkg/cel/library/quantity.go): quantity(), isQuantity(),
 * sign, isInteger, asInteger, asApproximateFloat, add, sub, mul, compareTo, isGreaterThan, isLessThan.
 *
 * Written here because no maintained npm package parses Kubernetes quantities exactly; it follows the grammar of
 * k8s.io/apimachinery/pkg/api/resource (ParseQuantity). Values are exact: a bigint coefficient times a power of ten
 * (binary suffixes are integers, so `1.5Gi` is exact too), so `quantity('200M').compareTo(quantity('0.2G')) == 0` and
 * `==` compares values, not spellings.
 */

const { BOOL, DOUBLE, INT, STRING } = CelScalar;
const Q = QUANTITY.type;

/** coef × 10^-scale, normalised so that scale ≥ 0 and coef has no trailing zero while scale > 0. */
export interface Decimal {
  coef: bigint;
  scale: number;
}

const QUANTITY_RE = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+|n|u|m|k|M|G|T|P|E|)$/;
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
/** Bounds on what is parsed, so `quantity('1e999999999')` is an error instead of a billion-digit number. */
const MAX_LENGTH = 256;
const MAX_EXPONENT = 1000;

function normalise(coef: bigint, scale: number): Decimal {
  if (coef === 0n) return { coef: 0n, scale: 0 };
  while (scale < 0) {
    coef *= 10n;
    scale++;
  }
  while (scale > 0 && coef % 10n === 0n) {
    coef /= 10n;
    scale--;
  }
  return { coef, scale };
}

export function parseQuantity(text: string): Decimal {
  if (text.length === 0 || text.length > MAX_LENGTH) throw new Error(`quantities must be 1 to ${MAX_LENGTH} characters long`);
  const m = QUANTITY_RE.exec(text);
  if (!m) throw new Error(`quantity ${JSON.stringify(text)} does not match the Kubernetes quantity format (e.g. 500m, 1.5Gi, 2e3)`);
  const [, sign, number, suffix] = m as unknown as [string, string, string, string];
  const [whole, fraction = ''] = number.split('.');
  let coef = BigInt((whole || '0') + fraction);
  let scale = fraction.length;
  if (suffix in BINARY) coef *= 1n << BigInt(BINARY[suffix]!);
  else if (suffix in DECIMAL) scale -= DECIMAL[suffix]!;
  else {
    const exp = Number(suffix.slice(1));
    if (Math.abs(exp) > MAX_EXPONENT) throw new Error(`quantity exponent out of range: ${text}`);
    scale -= exp;
  }
  if (scale < -MAX_EXPONENT || scale > MAX_EXPONENT) throw new Error(`quantity out of range: ${text}`);
  return normalise(sign === '-' ? -coef : coef, scale);
}

export function formatDecimal(d: Decimal): string {
  const neg = d.coef < 0n;
  const digits = (neg ? -d.coef : d.coef).toString();
  let s: string;
  if (d.scale === 0) s = digits;
  else {
    const padded = digits.padStart(d.scale + 1, '0');
    s = `${padded.slice(0, padded.length - d.scale)}.${padded.slice(padded.length - d.scale)}`;
  }
  return neg ? `-${s}` : s;
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.coef * 10n ** BigInt(scale - a.scale), b.coef * 10n ** BigInt(scale - b.scale), scale];
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function plus(a: Decimal, b: Decimal, sign: 1n | -1n): Decimal {
  const [x, y, scale] = align(a, b);
  return normalise(x + sign * y, scale);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function asInteger(d: Decimal): bigint | undefined {
  if (d.scale !== 0 || d.coef < INT64_MIN || d.coef > INT64_MAX) return undefined;
  return d.coef;
}

const parsed = new Map<string, Decimal>();
function value(q: ReflectMessage): Decimal {
  const canonical = QUANTITY.valueOf(q);
  let d = parsed.get(canonical);
  if (!d) {
    d = parseQuantity(canonical);
    if (parsed.size > 4096) parsed.clear();
    parsed.set(canonical, d);
  }
  return d;
}

function make(d: Decimal): never {
  return QUANTITY.of(formatDecimal(d)) as never;
}

export const quantityFuncs: CelFunc[] = [
  celFunc('quantity', [STRING], Q, (s) => make(parseQuantity(s))),
  celFunc('isQuantity', [STRING], BOOL, (s) => {
    try {
      parseQuantity(s);
      return true;
    } catch {
      return false;
    }
  }),
  celMethod('sign', Q, [], INT, function () {
    const c = value(this).coef;
    return c > 0n ? 1n : c < 0n ? -1n : 0n;
  }),
  celMethod('isInteger', Q, [], BOOL, function () {
    return asInteger(value(this)) !== undefined;
  }),
  celMethod('asInteger', Q, [], INT, function () {
    const i = asInteger(value(this));
    if (i === undefined) throw new Error('cannot convert value to integer');
    return i;
  }),
  celMethod('asApproximateFloat', Q, [], DOUBLE, function () {
    return Number(formatDecimal(value(this)));
  }),
  celMethod('add', Q, [Q], Q, function (other) {
    return make(plus(value(this), value(other), 1n));
  }),
  celMethod('add', Q, [INT], Q, function (n) {
    return make(plus(value(this), { coef: n, scale: 0 }, 1n));
  }),
  celMethod('sub', Q, [Q], Q, function (other) {
    return make(plus(value(this), value(other), -1n));
  }),
  celMethod('sub', Q, [INT], Q, function (n) {
    return make(plus(value(this), { coef: n, scale: 0 }, -1n));
  }),
  celMethod('mul', Q, [INT], Q, function (n) {
    const d = value(this);
    return make(normalise(d.coef * n, d.scale));
  }),
  celMethod('compareTo', Q, [Q], INT, function (other) {
    return BigInt(compareDecimal(value(this), value(other)));
  }),
  celMethod('isGreaterThan', Q, [Q], BOOL, function (other) {
    return compareDecimal(value(this), value(other)) > 0;
  }),
  celMethod('isLessThan', Q, [Q], BOOL, function (other) {
    return compareDecimal(value(this), value(other)) < 0;
  }),
];
