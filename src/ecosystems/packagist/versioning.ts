import type { VersionScheme } from '../define-ecosystem.js';

/**
 * Packagist versions, ordered as Composer orders them: `VersionParser::normalize` (composer/semver 3.x) to a
 * canonical form such as `1.2.0.0-beta1`, then `Comparator`, which is PHP's `version_compare` on those forms.
 * Hand-written: there is no JavaScript port of Composer's normaliser, and `version_compare` on raw strings (what
 * npm ports offer) disagrees with Composer (`1.0` < `1.0.0` there, equal here).
 *
 * Branches (`dev-master`, `dev-feature/x`) have no place in the order — Composer never matches them against a
 * version range — so they do not parse; numeric branches (`1.2.x-dev`) do, as `1.2.9999999.9999999-dev`.
 */
export interface PackagistVersion {
  /** Composer's normalized form, e.g. `1.2.0.0-beta1`. */
  readonly normalized: string;
  /** `version_compare` tokens: a digit string for a number, a special-form rank for a word. */
  readonly tokens: readonly (string | number)[];
}

// Composer's regexes (src/VersionParser.php), with PHP's byte-oriented `\s` spelled out and possessive quantifiers
// dropped: none of them can backtrack into a different match here.
const MODIFIER = '[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*)?)?([.-]?dev)?';
const ALIAS = /^([^, \t\n\v\f\r]+) +as +([^, \t\n\v\f\r]+)$/;
const STABILITY_FLAG = /@(?:stable|RC|beta|alpha|dev)$/i;
const BUILD_METADATA = /^([^,+ \t\n\v\f\r]+)\+[^ \t\n\v\f\r]+$/;
const CLASSICAL = new RegExp(`^v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?${MODIFIER}$`, 'i');
const DATE = new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3})?)${MODIFIER}$`, 'i');
const DEV_BRANCH = /(.*?)[.-]?dev$/i;
const NUMERIC_BRANCH = /^v?(\d+)(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?$/i;
const NON_DIGIT = /\D/g;
const X_OR_STAR = /[*X]/g;
const LOWER_X = /x/g;
const LEADING_DOTS_DASHES = /^[.-]+/;

/** PHP trim()'s default set: space, \t, \n, \r, \0, \v (not \f). */
function isPhpSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0 || c === 11;
}

function phpTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPhpSpace(s.charCodeAt(start))) start++;
  while (end > start && isPhpSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function expandStability(s: string): string {
  switch (s.toLowerCase()) {
    case 'a':
      return 'alpha';
    case 'b':
      return 'beta';
    case 'p':
    case 'pl':
      return 'patch';
    case 'rc':
      return 'RC';
    default:
      return s.toLowerCase();
  }
}

function withModifiers(version: string, m: RegExpExecArray, index: number): string {
  const stability = m[index];
  if (stability) {
    if (stability === 'stable') return version;
    const number = m[index + 1];
    version += `-${expandStability(stability)}${number ? number.replace(LEADING_DOTS_DASHES, '') : ''}`;
  }
  if (m[index + 2]) version += '-dev';
  return version;
}

function normalizeBranch(name: string): string | undefined {
  const m = NUMERIC_BRANCH.exec(phpTrim(name));
  if (!m) return undefined;
  let version = '';
  for (let i = 1; i < 5; i++) version += m[i] !== undefined ? m[i]!.replace(X_OR_STAR, 'x') : '.x';
  return `${version.replace(LOWER_X, '9999999')}-dev`;
}

/** VersionParser::normalize, returning undefined where Composer throws and for `dev-` branches. */
export function normalizePackagistVersion(input: string): string | undefined {
  // The cheap indexOf guards skip regexes that cannot match: most versions only ever meet CLASSICAL.
  let version = phpTrim(input);
  if (version.indexOf(' ') >= 0) {
    const alias = ALIAS.exec(version);
    if (alias) version = alias[1]!;
  }
  if (version.indexOf('@') >= 0) {
    const flag = STABILITY_FLAG.exec(version);
    if (flag) version = version.slice(0, version.length - flag[0].length);
  }
  if (version === 'master' || version === 'trunk' || version === 'default') return undefined;
  if (version.slice(0, 4).toLowerCase() === 'dev-') return undefined;
  if (version.indexOf('+') >= 0) {
    const build = BUILD_METADATA.exec(version);
    if (build) version = build[1]!;
  }

  let m = CLASSICAL.exec(version);
  if (m) return withModifiers(`${m[1]}${m[2] || '.0'}${m[3] || '.0'}${m[4] || '.0'}`, m, 5);
  m = DATE.exec(version);
  if (m) return withModifiers(m[1]!.replace(NON_DIGIT, '.'), m, 2);
  m = DEV_BRANCH.exec(version);
  if (m) {
    const branch = normalizeBranch(m[1]!);
    if (branch !== undefined) return branch;
  }
  return undefined;
}

// compare_special_version_forms in PHP's ext/standard/versioning.c: first prefix match wins; no match ranks -1.
const FORMS: readonly (readonly [string, number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];
const NUMBER_RANK = 4;
const LONG_MAX = '9223372036854775807';

function formRank(word: string): number {
  for (const [name, rank] of FORMS) if (word.startsWith(name)) return rank;
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * php_canonicalize_version + strtok: a `.` between digit and non-digit runs, `-_+` and other non-alphanumerics as
 * `.`. Numbers are read as strtol does, saturating at LONG_MAX.
 */
function tokenize(v: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  while (i < v.length) {
    const c = v.charCodeAt(i);
    if (!isAlnum(c)) {
      i++;
      continue;
    }
    const start = i;
    const digit = isDigit(c);
    while (i < v.length && isAlnum(v.charCodeAt(i)) && isDigit(v.charCodeAt(i)) === digit) i++;
    if (!digit) {
      out.push(formRank(v.slice(start, i)));
      continue;
    }
    let z = start;
    while (z < i - 1 && v.charCodeAt(z) === 48) z++;
    const n = v.slice(z, i);
    out.push(n.length > LONG_MAX.length || (n.length === LONG_MAX.length && n > LONG_MAX) ? LONG_MAX : n);
  }
  return out;
}

export function parsePackagistVersion(input: string): PackagistVersion | undefined {
  const normalized = normalizePackagistVersion(input);
  return normalized === undefined ? undefined : { normalized, tokens: tokenize(normalized) };
}

function compareNumbers(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PHP's version_compare over pre-tokenized versions. */
export function comparePackagistVersions(x: PackagistVersion, y: PackagistVersion): number {
  const a = x.tokens;
  const b = y.tokens;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const p = a[i] as string | number;
    const q = b[i] as string | number;
    let c: number;
    if (typeof p === 'string' && typeof q === 'string') c = compareNumbers(p, q);
    else c = Math.sign((typeof p === 'string' ? NUMBER_RANK : p) - (typeof q === 'string' ? NUMBER_RANK : q));
    if (c !== 0) return c;
  }
  // One side goes on: a number makes it newer; a word is weighed against a number (`-beta` older, `-patch` newer).
  if (a.length > n) {
    const p = a[n] as string | number;
    return typeof p === 'string' ? 1 : Math.sign(p - NUMBER_RANK);
  }
  if (b.length > n) {
    const q = b[n] as string | number;
    return typeof q === 'string' ? -1 : Math.sign(NUMBER_RANK - q);
  }
  return 0;
}

export const scheme: VersionScheme<PackagistVersion> = { id: 'composer', parse: parsePackagistVersion, compare: comparePackagistVersions };
