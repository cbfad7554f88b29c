/*
 * SemVer 2.0.0 precedence, shared by the ecosystems whose tools implement it strictly: crates.io (Rust `semver`), Hex
 * (Elixir `Version`) and Go (`golang.org/x/mod/semver`). Hand-written rather than node-semver because node-semver turns
 * numbers into JS doubles (losing precision past 2^53 and rejecting major/minor/patch above it), accepts `v`/`=` prefixes
 * and surrounding blanks, and cannot express Go's `v1`/`v1.2` shorthands or Rust's u64 ceiling.
 *
 * A scan parses every package version and every range event, so parsing is one pass over char codes: no regex, no split,
 * a release allocates only its result object, numbers stay JS numbers up to 15 digits and become BigInt beyond
 * (comparisons between number and bigint are exact in JS).
 */

/** A numeric field or identifier: exact at any size. */
export type SemverNumber = number | bigint;
/** A pre-release identifier: numeric (number | bigint) or alphanumeric (string). */
export type SemverIdentifier = number | bigint | string;

export interface Semver {
  readonly major: SemverNumber;
  readonly minor: SemverNumber;
  readonly patch: SemverNumber;
  /** Undefined for a release (most versions), so releases cost no array. Build metadata is not kept: it has no precedence. */
  readonly pre: readonly SemverIdentifier[] | undefined;
}

export interface SemverDialect {
  /** Largest major/minor/patch the tool can represent (Rust: u64); above it the version is unparsable. */
  readonly maxCore?: bigint;
  /** Accept Go's `vMAJOR` and `vMAJOR.MINOR` shorthands (x/mod/semver treats them as `.0`). */
  readonly shorthand?: boolean;
}

const DOT = 46;
const DASH = 45;
const PLUS = 43;
/** Digits accumulate in a double while exact: 15 decimal digits are always below 2^53. */
const MAX_EXACT_DIGITS = 15;

/** Scanner position shared by the readers below, so reading allocates no tuples. Parsing is synchronous and not re-entrant. */
let at = 0;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === DASH;
}

/** The digit run from `at` without a leading zero, or undefined. */
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
  if (len === 0 || (len > 1 && s.charCodeAt(start) === 48)) return undefined;
  return len <= MAX_EXACT_DIGITS ? n : BigInt(s.slice(start, at));
}

/** Dot-separated identifiers from `at` up to `+` or the end. Numeric identifiers must not have leading zeros. */
function readPre(s: string): SemverIdentifier[] | undefined {
  const out: SemverIdentifier[] = [];
  for (;;) {
    const start = at;
    let numeric = true;
    let n = 0;
    while (at < s.length) {
      const c = s.charCodeAt(at);
      if (c === DOT || c === PLUS) break;
      if (!isIdentChar(c)) return undefined;
      if (isDigit(c)) n = n * 10 + (c - 48);
      else numeric = false;
      at++;
    }
    const len = at - start;
    if (len === 0) return undefined;
    if (!numeric) out.push(s.slice(start, at));
    else if (len > 1 && s.charCodeAt(start) === 48) return undefined;
    else out.push(len <= MAX_EXACT_DIGITS ? n : BigInt(s.slice(start, at)));
    if (at < s.length && s.charCodeAt(at) === DOT) {
      at++;
      continue;
    }
    return out;
  }
}

/** Build metadata from `at` to the end: non-empty dot-separated identifiers; leading zeros are allowed there. */
function skipBuild(s: string): boolean {
  let len = 0;
  for (; at < s.length; at++) {
    const c = s.charCodeAt(at);
    if (c === DOT) {
      if (len === 0) return false;
      len = 0;
    } else if (isIdentChar(c)) len++;
    else return false;
  }
  return len > 0;
}

function tooBig(n: SemverNumber, max: bigint | undefined): boolean {
  return max !== undefined && typeof n === 'bigint' && n > max;
}

/** Parses `MAJOR.MINOR.PATCH[-pre][+build]` starting at `start` (after any prefix the caller allows). */
export function parseSemver(s: string, start: number, dialect: SemverDialect = {}): Semver | undefined {
  at = start;
  const major = readCore(s);
  if (major === undefined || tooBig(major, dialect.maxCore)) return undefined;
  if (at === s.length) return dialect.shorthand ? { major, minor: 0, patch: 0, pre: undefined } : undefined;
  if (s.charCodeAt(at++) !== DOT) return undefined;
  const minor = readCore(s);
  if (minor === undefined || tooBig(minor, dialect.maxCore)) return undefined;
  if (at === s.length) return dialect.shorthand ? { major, minor, patch: 0, pre: undefined } : undefined;
  if (s.charCodeAt(at++) !== DOT) return undefined;
  const patch = readCore(s);
  if (patch === undefined || tooBig(patch, dialect.maxCore)) return undefined;
  let pre: SemverIdentifier[] | undefined;
  if (at < s.length && s.charCodeAt(at) === DASH) {
    at++;
    pre = readPre(s);
    if (pre === undefined) return undefined;
  }
  if (at < s.length && s.charCodeAt(at) === PLUS) {
    at++;
    if (!skipBuild(s)) return undefined;
  }
  return at === s.length ? { major, minor, patch, pre } : undefined;
}

/** Exact for any mix of number and bigint. */
export function compareNumbers(a: SemverNumber, b: SemverNumber): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer 2.0.0 §11.4: numeric identifiers sort numerically and below alphanumeric ones, which sort in ASCII order. */
export function compareIdentifiers(a: SemverIdentifier, b: SemverIdentifier): number {
  if (typeof a === 'string') {
    if (typeof b !== 'string') return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof b === 'string') return -1;
  return compareNumbers(a, b);
}

/** Precedence: core numbers, then a pre-release sorts below its release; identifiers pairwise, a shorter prefix first. */
export function compareSemver(a: Semver, b: Semver): number {
  const core = compareNumbers(a.major, b.major) || compareNumbers(a.minor, b.minor) || compareNumbers(a.patch, b.patch);
  if (core !== 0) return core;
  const ap = a.pre;
  const bp = b.pre;
  if (ap === undefined) return bp === undefined ? 0 : 1;
  if (bp === undefined) return -1;
  const n = Math.min(ap.length, bp.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifiers(ap[i] as SemverIdentifier, bp[i] as SemverIdentifier);
    if (c !== 0) return c;
  }
  return ap.length - bp.length;
}

/** Rust's `semver` crate stores major/minor/patch as u64: a larger number is an error there, so it is unparsable here. */
