import type { VersionScheme } from '../define-ecosystem.js';

/*
 * RubyGems versions as `Gem::Version` reads and orders them (RubyGems 3.3). Hand-written rather than
 * @renovatebot/ruby-semver because that package converts segments with `parseInt` (losing precision past 2^53), and a
 * scan parses every version and range event, which a char-code pass with no regex serves better.
 *
 * Gem::Version, in short:
 *   - valid: `\s*[0-9]+(\.[0-9A-Za-z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\s*`;
 *   - every `-` becomes `.pre.`, then segments are the runs of digits (integers) or of letters (strings), so
 *     `1.0a1` is [1, 0, "a", 1] and `1.0-rc1` is [1, 0, "pre", "rc", 1];
 *   - canonical segments drop trailing zeros from the numeric head and from the rest (`1.0.0 == 1`, `1.0.a.0 == 1.a`);
 *   - comparison walks both, a missing segment counting as 0; a string sorts below a number (so any letter makes a
 *     pre-release: `1.0.a < 1.0`), strings compare bytewise, numbers numerically.
 * One deliberate difference: Gem::Version reads an empty or blank string as "0"; here it is unparsable, because an
 * empty version in an inventory is a reading error, not version 0.
 */

type Segment = number | bigint | string;

export interface GemVersion {
  /** Canonical segments (trailing zeros dropped as described above). */
  readonly segments: readonly Segment[];
}

const DOT = 46;
const DASH = 45;
const MAX_EXACT_DIGITS = 15;
/** `-` reads as `.pre.` (Gem::Version#initialize). */
const PRE = 'pre';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Ruby's `\s`: space, \t, \n, \v, \f, \r. */
function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Validates against Gem::Version's pattern; returns false for anything else (including empty). */
function isCorrect(s: string, start: number, end: number): boolean {
  let i = start;
  if (i >= end || !isDigit(s.charCodeAt(i))) return false;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  // (\.[0-9A-Za-z]+)*
  while (i < end && s.charCodeAt(i) === DOT) {
    const segStart = ++i;
    while (i < end && (isDigit(s.charCodeAt(i)) || isLetter(s.charCodeAt(i)))) i++;
    if (i === segStart) return false;
  }
  if (i === end) return true;
  // (-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?
  if (s.charCodeAt(i) !== DASH) return false;
  i++;
  for (;;) {
    const segStart = i;
    while (i < end) {
      const c = s.charCodeAt(i);
      if (!(isDigit(c) || isLetter(c) || c === DASH)) break;
      i++;
    }
    if (i === segStart) return false;
    if (i === end) return true;
    if (s.charCodeAt(i) !== DOT) return false;
    i++;
  }
}

function parseGem(s: string): GemVersion | undefined {
  let start = 0;
  let end = s.length;
  while (start < end && isBlank(s.charCodeAt(start))) start++;
  while (end > start && isBlank(s.charCodeAt(end - 1))) end--;
  if (!isCorrect(s, start, end)) return undefined;

  // Builds canonical_segments in one pass: zeros are held back until something non-zero follows, so the trailing zeros
  // of the numeric head (dropped when the first string arrives) and of the whole (dropped at the end) are never stored.
  const segments: Segment[] = [];
  let heldZeros = 0;
  let inHead = true;
  let i = start;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      const from = i;
      let n = 0;
      while (i < end && isDigit(s.charCodeAt(i))) n = n * 10 + (s.charCodeAt(i++) - 48);
      // Leading zeros go (`to_i`); a long run may be all zeros, so BigInt decides whether it fits a double.
      const value = i - from <= MAX_EXACT_DIGITS ? n : normalise(BigInt(s.slice(from, i)));
      if (value === 0) heldZeros++;
      else {
        for (; heldZeros > 0; heldZeros--) segments.push(0);
        segments.push(value);
      }
    } else if (isLetter(c) || c === DASH) {
      let word: string;
      if (c === DASH) {
        word = PRE;
        i++;
      } else {
        const from = i;
        while (i < end && isLetter(s.charCodeAt(i))) i++;
        word = s.slice(from, i);
      }
      if (inHead) {
        inHead = false;
        heldZeros = 0;
      }
      for (; heldZeros > 0; heldZeros--) segments.push(0);
      segments.push(word);
    } else i++;
  }
  return { segments };
}

function normalise(n: bigint): number | bigint {
  return n <= 9007199254740991n ? Number(n) : n;
}

function compareGem(a: GemVersion, b: GemVersion): number {
  const as = a.segments;
  const bs = b.segments;
  const n = Math.max(as.length, bs.length);
  for (let i = 0; i < n; i++) {
    const x = i < as.length ? (as[i] as Segment) : 0;
    const y = i < bs.length ? (bs[i] as Segment) : 0;
    if (typeof x === 'string') {
      if (typeof y !== 'string') return -1;
      if (x !== y) return x < y ? -1 : 1;
    } else {
      if (typeof y === 'string') return 1;
      if (x !== y) {
        if (x < y) return -1;
        if (x > y) return 1;
      }
    }
  }
  return 0;
}

export const scheme: VersionScheme<GemVersion> = {
  id: 'rubygems',
  parse: parseGem,
  compare: compareGem,
};
