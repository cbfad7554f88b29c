import type { VersionScheme } from '../define-ecosystem.js';
import { compareNumbers, type SemverNumber } from '../_lib/semver.js';

/*
 * Pub versions as Dart's `pub_semver` package reads and orders them (`Version.parse`, `Version.compareTo`). Hand-written:
 * no npm package implements pub_semver, and it differs from SemVer 2.0.0 in ways that change results:
 *   - major/minor/patch are `\d+` read with `int.parse`: leading zeros are allowed (`01.2.3 == 1.2.3`) and a number above
 *     2^63-1 is unparsable (Dart VM ints are 64-bit);
 *   - each pre-release/build identifier becomes `int.tryParse(part) ?? part`, so `01` is the number 1, `-1` is minus one,
 *     `0x10` is sixteen, and a decimal identifier too big for an int stays a string;
 *   - build metadata orders: no build < any build, and builds compare like pre-releases (`1.0.0 < 1.0.0+1 < 1.0.0+2`).
 */

export type PubPart = number | bigint | string;

export interface PubVersion {
  readonly major: SemverNumber;
  readonly minor: SemverNumber;
  readonly patch: SemverNumber;
  /** Undefined when absent (most versions), so releases cost no array. */
  readonly pre: readonly PubPart[] | undefined;
  readonly build: readonly PubPart[] | undefined;
}

const DOT = 46;
const DASH = 45;
const PLUS = 43;
const MAX_EXACT_DIGITS = 15;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const UINT64_MAX = 18446744073709551615n;
const TWO_64 = 18446744073709551616n;

/** Scanner position shared by the readers below, so reading allocates no tuples. Parsing is synchronous and not re-entrant. */
let at = 0;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === DASH;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** `int.parse` of a `\d+` run: leading zeros allowed, above int64 unparsable. */
function readCore(s: string): SemverNumber | undefined {
  const start = at;
  let n = 0;
  while (at < s.length) {
    const c = s.charCodeAt(at);
    if (!isDigit(c)) break;
    n = n * 10 + (c - 48);
    at++;
  }
  const len = at - start;
  if (len === 0) return undefined;
  if (len <= MAX_EXACT_DIGITS) return n;
  const big = BigInt(s.slice(start, at));
  return big > INT64_MAX ? undefined : big;
}

/**
 * Dart VM `int.tryParse(part)` for a part matching `[0-9A-Za-z-]+` (no blanks or `+` can occur): an optional `-`, then
 * decimal digits or `0x`/`0X` and hex digits. Decimal must fit int64; hex may use all 64 bits and wraps to a negative
 * int above 2^63-1, as the Dart docs for `int.parse` describe. Undefined where Dart returns null (the part stays a string).
 */
function dartTryParseInt(s: string, start: number, end: number): SemverNumber | undefined {
  let i = start;
  const negative = s.charCodeAt(i) === DASH;
  if (negative) i++;
  if (i >= end) return undefined;
  let hex = false;
  if (end - i > 2 && s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 0x20) === 120) {
    hex = true;
    i += 2;
  }
  for (let j = i; j < end; j++) if (!(hex ? isHexDigit(s.charCodeAt(j)) : isDigit(s.charCodeAt(j)))) return undefined;
  if (!hex && !negative && end - i <= MAX_EXACT_DIGITS) {
    // The common case (`1.0.0-beta.2`): no BigInt.
    let n = 0;
    for (let j = i; j < end; j++) n = n * 10 + (s.charCodeAt(j) - 48);
    return n;
  }
  let v = BigInt((hex ? '0x' : '') + s.slice(i, end));
  if (hex) {
    if (v > UINT64_MAX) return undefined;
    if (v > INT64_MAX) v -= TWO_64;
  }
  if (negative) v = -v;
  if (v > INT64_MAX || v < INT64_MIN) return undefined;
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** `[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*` from `at`, stopping before `stop` (a char code) or at the end. */
function readParts(s: string, stop: number): PubPart[] | undefined {
  const out: PubPart[] = [];
  for (;;) {
    const start = at;
    while (at < s.length) {
      const c = s.charCodeAt(at);
      if (c === DOT || c === stop) break;
      if (!isIdentChar(c)) return undefined;
      at++;
    }
    if (at === start) return undefined;
    out.push(dartTryParseInt(s, start, at) ?? s.slice(start, at));
    if (at < s.length && s.charCodeAt(at) === DOT) {
      at++;
      continue;
    }
    return out;
  }
}

function parsePub(s: string): PubVersion | undefined {
  at = 0;
  const major = readCore(s);
  if (major === undefined || s.charCodeAt(at++) !== DOT) return undefined;
  const minor = readCore(s);
  if (minor === undefined || s.charCodeAt(at++) !== DOT) return undefined;
  const patch = readCore(s);
  if (patch === undefined) return undefined;
  let pre: PubPart[] | undefined;
  let build: PubPart[] | undefined;
  if (at < s.length && s.charCodeAt(at) === DASH) {
    at++;
    pre = readParts(s, PLUS);
    if (pre === undefined) return undefined;
  }
  if (at < s.length && s.charCodeAt(at) === PLUS) {
    at++;
    // The build runs to the end, so a second `+` is simply an invalid character.
    build = readParts(s, -1);
    if (build === undefined) return undefined;
  }
  return at === s.length ? { major, minor, patch, pre, build } : undefined;
}

/** pub_semver `_compareLists`: numbers below strings, numbers numerically, strings by UTF-16 code unit; missing parts first. */
function compareParts(a: readonly PubPart[], b: readonly PubPart[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as PubPart;
    const y = b[i] as PubPart;
    if (typeof x === 'string') {
      if (typeof y !== 'string') return 1;
      if (x !== y) return x < y ? -1 : 1;
    } else {
      if (typeof y === 'string') return -1;
      const c = compareNumbers(x, y);
      if (c !== 0) return c;
    }
  }
  return a.length - b.length;
}

function comparePub(a: PubVersion, b: PubVersion): number {
  const core = compareNumbers(a.major, b.major) || compareNumbers(a.minor, b.minor) || compareNumbers(a.patch, b.patch);
  if (core !== 0) return core;
  if (a.pre === undefined) {
    if (b.pre !== undefined) return 1;
  } else {
    if (b.pre === undefined) return -1;
    const c = compareParts(a.pre, b.pre);
    if (c !== 0) return c;
  }
  if (a.build === undefined) return b.build === undefined ? 0 : -1;
  if (b.build === undefined) return 1;
  return compareParts(a.build, b.build);
}

export const scheme: VersionScheme<PubVersion> = {
  id: 'pub-semver',
  parse: parsePub,
  compare: comparePub,
};
