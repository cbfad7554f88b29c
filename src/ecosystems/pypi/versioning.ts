import type { VersionScheme } from '../define-ecosystem.js';

/*
 * PyPI versions as PEP 440 and its reference implementation, Python `packaging` (`packaging.version.Version`), read and
 * order them. Hand-written rather than @renovatebot/pep440 because that package converts every number with `Number()`
 * (release segments, epochs, pre/post/dev and local numbers past 2^53 lose precision) and re-runs a large
 * named-group regex on each call; a scan parses every package version and every range event.
 *
 * The scanner below follows packaging's VERSION_PATTERN (the possessive form used since packaging 26, which needs no
 * backtracking) piece by piece: optional `v`, `N!` epoch, release, pre (`a|alpha|b|beta|c|rc|pre|preview`), post
 * (`-N` or `post|rev|r`), dev, `+local`; separators `.`, `_`, `-` optional; case-insensitive; blanks around are ignored.
 * Ordering is packaging's `_cmpkey`: epoch, release without trailing zeros, then
 *   pre rank (dev-only release < a < b < rc < none) and number, post (none < any), dev (any < none),
 *   local (none < any; segment-wise, strings below numbers, a shorter prefix first).
 */

type Num = number | bigint;
type LocalPart = Num | string;

export interface Pep440Version {
  readonly epoch: Num;
  /** Release numbers as written (leading zeros read away). */
  readonly release: readonly Num[];
  /** How many of them count: trailing zeros do not (`1.0.0` and `1` share one key). Kept apart rather than truncating
   * the array because setting an array's length is a slow builtin call on this hot path. */
  readonly significant: number;
  /** -1 dev release of a final (`1.0.dev1`), 0 a, 1 b, 2 rc, 3 no pre-release. */
  readonly preRank: number;
  readonly preN: Num;
  readonly post: Num | undefined;
  readonly dev: Num | undefined;
  readonly local: readonly LocalPart[] | undefined;
}

const MAX_EXACT_DIGITS = 15;
const PRE_A = 0;
const PRE_B = 1;
const PRE_RC = 2;
const PRE_NONE = 3;
const PRE_DEV_ONLY = -1;

/** Scanner state shared by the readers below, so reading allocates no tuples. Parsing is synchronous and not re-entrant. */
let at = 0;
let end = 0;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSep(c: number): boolean {
  return c === 46 || c === 95 || c === 45; // . _ -
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Python's `\s` in a str pattern (Py_UNICODE_ISSPACE), which packaging allows around a version. */
function isBlank(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** A digit run from `at` (leading zeros allowed, as `int()` reads them), or undefined when there is none. */
function readNum(s: string): Num | undefined {
  const start = at;
  let n = 0;
  while (at < end) {
    const c = s.charCodeAt(at);
    if (!isDigit(c)) break;
    n = n * 10 + (c - 48);
    at++;
  }
  const len = at - start;
  if (len === 0) return undefined;
  return len <= MAX_EXACT_DIGITS ? n : BigInt(s.slice(start, at));
}

/** True when `word` (lower case) is at `at`, ignoring ASCII case; advances past it. */
function eat(s: string, word: string): boolean {
  if (end - at < word.length) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  at += word.length;
  return true;
}

/** `alpha|a|beta|b|preview|pre|c|rc`, tried in the pattern's order; the rank, or -2 when none is at `at`. */
function readPreLetter(s: string): number {
  if (at >= end) return -2;
  // Dispatch on the first letter so a plain `1.2.3` costs one comparison, not eight.
  switch (s.charCodeAt(at) | 0x20) {
    case 97: // a
      return eat(s, 'alpha') || eat(s, 'a') ? PRE_A : -2;
    case 98: // b
      return eat(s, 'beta') || eat(s, 'b') ? PRE_B : -2;
    case 112: // p
      return eat(s, 'preview') || eat(s, 'pre') ? PRE_RC : -2;
    case 99: // c
      return eat(s, 'c') ? PRE_RC : -2;
    case 114: // r
      return eat(s, 'rc') ? PRE_RC : -2;
    default:
      return -2;
  }
}

function isZero(n: Num): boolean {
  return n === 0 || n === 0n;
}

function parsePep440(s: string): Pep440Version | undefined {
  at = 0;
  end = s.length;
  while (at < end && isBlank(s.charCodeAt(at))) at++;
  while (end > at && isBlank(s.charCodeAt(end - 1))) end--;
  if (at < end && (s.charCodeAt(at) | 0x20) === 118) at++; // v

  // Epoch `N!`, else the same digits start the release.
  let epoch: Num = 0;
  const first = readNum(s);
  if (first === undefined) return undefined;
  let release: Num[];
  if (at < end && s.charCodeAt(at) === 33) {
    epoch = first;
    at++;
    const r = readNum(s);
    if (r === undefined) return undefined;
    release = [r];
  } else {
    release = [first];
  }
  while (at + 1 < end && s.charCodeAt(at) === 46 && isDigit(s.charCodeAt(at + 1))) {
    at++;
    release.push(readNum(s) as Num);
  }

  // Most versions end with the release: skip the suffix readers.
  if (at === end) return finish(epoch, release, PRE_NONE, 0, undefined, undefined, undefined);

  // Pre-release: [._-]? letter [._-]? N?
  let preRank = PRE_NONE;
  let preN: Num = 0;
  {
    const save = at;
    if (at < end && isSep(s.charCodeAt(at))) at++;
    const rank = readPreLetter(s);
    if (rank === -2) at = save;
    else {
      preRank = rank;
      if (at < end && isSep(s.charCodeAt(at))) at++;
      preN = readNum(s) ?? 0;
    }
  }

  // Post-release: -N | [._-]? (post|rev|r) [._-]? N?
  let post: Num | undefined;
  if (at + 1 < end && s.charCodeAt(at) === 45 && isDigit(s.charCodeAt(at + 1))) {
    at++;
    post = readNum(s);
  } else {
    const save = at;
    if (at < end && isSep(s.charCodeAt(at))) at++;
    if (eat(s, 'post') || eat(s, 'rev') || eat(s, 'r')) {
      if (at < end && isSep(s.charCodeAt(at))) at++;
      post = readNum(s) ?? 0;
    } else at = save;
  }

  // Development release: [._-]? dev [._-]? N?
  let dev: Num | undefined;
  {
    const save = at;
    if (at < end && isSep(s.charCodeAt(at))) at++;
    if (eat(s, 'dev')) {
      if (at < end && isSep(s.charCodeAt(at))) at++;
      dev = readNum(s) ?? 0;
    } else at = save;
  }

  // Local version: +[a-z0-9]+([._-][a-z0-9]+)*
  let local: LocalPart[] | undefined;
  if (at < end && s.charCodeAt(at) === 43) {
    at++;
    local = [];
    for (;;) {
      const start = at;
      let numeric = true;
      while (at < end && isAlnum(s.charCodeAt(at))) {
        if (!isDigit(s.charCodeAt(at))) numeric = false;
        at++;
      }
      if (at === start) return undefined;
      if (numeric) {
        at = start;
        local.push(readNum(s) as Num);
      } else local.push(s.slice(start, at).toLowerCase());
      if (at < end && isSep(s.charCodeAt(at))) {
        at++;
        continue;
      }
      break;
    }
  }
  if (at !== end) return undefined;
  return finish(epoch, release, preRank, preN, post, dev, local);
}

function finish(epoch: Num, release: Num[], preRank: number, preN: Num, post: Num | undefined, dev: Num | undefined, local: LocalPart[] | undefined): Pep440Version {
  let significant = release.length;
  while (significant > 0 && isZero(release[significant - 1] as Num)) significant--;
  if (preRank === PRE_NONE && post === undefined && dev !== undefined) preRank = PRE_DEV_ONLY;
  return { epoch, release, significant, preRank, preN, post, dev, local };
}

function cmpNum(a: Num, b: Num): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePep440(a: Pep440Version, b: Pep440Version): number {
  let c = cmpNum(a.epoch, b.epoch);
  if (c !== 0) return c;
  const n = Math.min(a.significant, b.significant);
  for (let i = 0; i < n; i++) {
    c = cmpNum(a.release[i] as Num, b.release[i] as Num);
    if (c !== 0) return c;
  }
  if (a.significant !== b.significant) return a.significant - b.significant;
  c = a.preRank - b.preRank || cmpNum(a.preN, b.preN);
  if (c !== 0) return c;
  // No post-release sorts before any post-release; no dev release sorts after any dev release.
  if (a.post === undefined) {
    if (b.post !== undefined) return -1;
  } else {
    if (b.post === undefined) return 1;
    c = cmpNum(a.post, b.post);
    if (c !== 0) return c;
  }
  if (a.dev === undefined) {
    if (b.dev !== undefined) return 1;
  } else {
    if (b.dev === undefined) return -1;
    c = cmpNum(a.dev, b.dev);
    if (c !== 0) return c;
  }
  const al = a.local;
  const bl = b.local;
  if (al === undefined) return bl === undefined ? 0 : -1;
  if (bl === undefined) return 1;
  const m = Math.min(al.length, bl.length);
  for (let i = 0; i < m; i++) {
    const x = al[i] as LocalPart;
    const y = bl[i] as LocalPart;
    if (typeof x === 'string') {
      if (typeof y !== 'string') return -1;
      if (x !== y) return x < y ? -1 : 1;
    } else {
      if (typeof y === 'string') return 1;
      c = cmpNum(x, y);
      if (c !== 0) return c;
    }
  }
  return al.length - bl.length;
}

export const scheme: VersionScheme<Pep440Version> = {
  id: 'pep440',
  parse: parsePep440,
  compare: comparePep440,
};
