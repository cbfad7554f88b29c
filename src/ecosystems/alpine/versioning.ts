import type { VersionScheme } from '../define-ecosystem.js';

/**
 * Alpine (and Wolfi/Chainguard) package versions, ordered as apk-tools 3 orders them (src/version.c):
 * `digit{.digit}...{letter}{_suffix{number}}...{~hash}{-r#}`.
 * Hand-written: no npm package follows apk-tools 3 (commit hashes, leading-zero string sort). It re-reads the two
 * strings token by token while comparing, which allocates nothing, instead of storing token arrays per version.
 */
export interface AlpineVersion {
  readonly text: string;
}

const enum Token {
  InitialDigit = 0,
  Digit = 1,
  Letter = 2,
  Suffix = 3,
  SuffixNumber = 4,
  CommitHash = 5,
  Revision = 6,
  End = 7,
  Invalid = 8,
}

// Suffix ranks: pre-releases below NONE (a version without suffix), post-releases above.
const SUFFIX_NONE = 5;
const SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['alpha', 1],
  ['beta', 2],
  ['pre', 3],
  ['rc', 4],
  ['cvs', 6],
  ['svn', 7],
  ['git', 8],
  ['hg', 9],
  ['p', 10],
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102);
}

/** One token at a time over a version string, as apk's token_first / token_next. */
class Tokenizer {
  s = '';
  pos = 0;
  token: Token = Token.InitialDigit;
  suffix = 0;
  /** The token's text: digits, letter, suffix word or hash. */
  start = 0;
  end = 0;

  first(s: string): void {
    this.s = s;
    this.pos = 0;
    this.token = Token.InitialDigit;
    this.digits();
  }

  private digits(): void {
    const s = this.s;
    this.start = this.pos;
    while (this.pos < s.length && isDigit(s.charCodeAt(this.pos))) this.pos++;
    this.end = this.pos;
    if (this.end === this.start) this.token = Token.Invalid;
  }

  next(): void {
    const s = this.s;
    if (this.pos >= s.length) {
      this.token = Token.End;
      return;
    }
    const c = s.charCodeAt(this.pos);
    const t = this.token;
    if (isLower(c)) {
      if (t > Token.Digit) return this.invalid();
      this.start = this.pos;
      this.end = ++this.pos;
      this.token = Token.Letter;
    } else if (c === 46 /* . */ || isDigit(c)) {
      if (c === 46) {
        if (t > Token.Digit) return this.invalid();
        this.pos++;
      }
      if (t === Token.InitialDigit || t === Token.Digit) this.token = Token.Digit;
      else if (t === Token.Suffix) this.token = Token.SuffixNumber;
      else return this.invalid();
      this.digits();
    } else if (c === 95 /* _ */) {
      if (t > Token.SuffixNumber) return this.invalid();
      this.start = ++this.pos;
      while (this.pos < s.length && isLower(s.charCodeAt(this.pos))) this.pos++;
      this.end = this.pos;
      const rank = SUFFIXES.get(s.slice(this.start, this.end));
      if (rank === undefined) return this.invalid();
      this.suffix = rank;
      this.token = Token.Suffix;
    } else if (c === 126 /* ~ */) {
      if (t >= Token.CommitHash) return this.invalid();
      this.start = ++this.pos;
      while (this.pos < s.length && isHex(s.charCodeAt(this.pos))) this.pos++;
      this.end = this.pos;
      if (this.end === this.start) return this.invalid();
      this.token = Token.CommitHash;
    } else if (c === 45 /* - */) {
      if (t >= Token.Revision || s.charCodeAt(this.pos + 1) !== 114 /* r */) return this.invalid();
      this.pos += 2;
      this.token = Token.Revision;
      this.digits();
    } else {
      this.invalid();
    }
  }

  private invalid(): void {
    this.token = Token.Invalid;
  }
}

/** apk_blob_sort: bytewise over the common length, then the shorter first. */
function blobSort(a: Tokenizer, b: Tokenizer): number {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  const n = la < lb ? la : lb;
  for (let k = 0; k < n; k++) {
    const d = a.s.charCodeAt(a.start + k) - b.s.charCodeAt(b.start + k);
    if (d !== 0) return d;
  }
  return la - lb;
}

/**
 * Unsigned number comparison of two digit spans of any length (apk reads them as uint64; versions with longer runs
 * do not occur, and comparing the digits exactly avoids both overflow and float rounding).
 */
function numberCmp(a: Tokenizer, b: Tokenizer): number {
  let i = a.start;
  let j = b.start;
  while (i < a.end && a.s.charCodeAt(i) === 48) i++;
  while (j < b.end && b.s.charCodeAt(j) === 48) j++;
  const d = a.end - i - (b.end - j);
  if (d !== 0) return d;
  for (; i < a.end; i++, j++) {
    const e = a.s.charCodeAt(i) - b.s.charCodeAt(j);
    if (e !== 0) return e;
  }
  return 0;
}

function tokenCmp(a: Tokenizer, b: Tokenizer): number {
  switch (a.token) {
    case Token.Digit:
      // Leading zero on either side: a plain string sort, as in the Gentoo spec (`1.01 < 1.1`, `8.2.0 < 8.2.001`).
      if (a.s.charCodeAt(a.start) === 48 || b.s.charCodeAt(b.start) === 48) return blobSort(a, b);
      return numberCmp(a, b);
    case Token.InitialDigit:
    case Token.SuffixNumber:
    case Token.Revision:
      return numberCmp(a, b);
    case Token.Letter:
      return a.s.charCodeAt(a.start) - b.s.charCodeAt(b.start);
    case Token.Suffix:
      return a.suffix - b.suffix;
    default:
      return blobSort(a, b);
  }
}

const ta = new Tokenizer();
const tb = new Tokenizer();

export function parseAlpineVersion(s: string): AlpineVersion | undefined {
  const t = ta;
  for (t.first(s); t.token < Token.End; t.next());
  return t.token === Token.End ? { text: s } : undefined;
}

export function compareAlpineVersions(x: AlpineVersion, y: AlpineVersion): number {
  const a = ta;
  const b = tb;
  a.first(x.text);
  b.first(y.text);
  while (a.token === b.token && a.token < Token.End) {
    const r = tokenCmp(a, b);
    if (r !== 0) return r < 0 ? -1 : 1;
    a.next();
    b.next();
  }
  if (a.token === b.token) return 0;
  // Equal so far and one side goes on: it is newer, unless what follows is a pre-release suffix
  // (`1.0_rc1 < 1.0`), and a later kind of token is older than an earlier one (`1.0-r1 < 1.0.1`).
  if (a.token === Token.Suffix && a.suffix < SUFFIX_NONE) return -1;
  if (b.token === Token.Suffix && b.suffix < SUFFIX_NONE) return 1;
  return a.token > b.token ? -1 : 1;
}

export const scheme: VersionScheme<AlpineVersion> = { id: 'apk', parse: parseAlpineVersion, compare: compareAlpineVersions };
