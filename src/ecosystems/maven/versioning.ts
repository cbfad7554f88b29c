import type { VersionScheme } from '../define-ecosystem.js';

/**
 * Maven versions, ordered as `org.apache.maven.artifact.versioning.ComparableVersion` (maven-artifact 3.9.x) orders
 * them. Hand-written: the npm ports of ComparableVersion predate MNG-6964/MNG-7644 (how `.X1` and lists compare with
 * nothing), and this mirrors the Java item tree — numbers, qualifiers and `-` sub-lists — one to one.
 */
export interface MavenVersion {
  readonly items: ListItem;
}

/** A digit run. `size` is Maven's IntItem / LongItem / BigIntegerItem class: any int sorts before any long, etc. */
interface NumItem {
  readonly kind: 0;
  readonly size: 0 | 1 | 2;
  /** Digits without leading zeros (`''` for zero). */
  readonly digits: string;
}
/** A qualifier: `rank` is its index in alpha, beta, milestone, rc, snapshot, "", sp; 7 for any other word. */
interface StrItem {
  readonly kind: 1;
  readonly rank: number;
  readonly value: string;
}
type ListItem = Item[];
type Item = NumItem | StrItem | ListItem;

const RELEASE_RANK = 5;
const QUALIFIER_RANKS: ReadonlyMap<string, number> = new Map([
  ['alpha', 0],
  ['beta', 1],
  ['milestone', 2],
  ['rc', 3],
  ['cr', 3],
  ['snapshot', 4],
  ['', 5],
  ['ga', 5],
  ['final', 5],
  ['release', 5],
  ['sp', 6],
]);
const ZERO: NumItem = { kind: 0, size: 0, digits: '' };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function numItem(buf: string): NumItem {
  let z = 0;
  while (z < buf.length && buf.charCodeAt(z) === 48) z++;
  // Maven sizes the item by the string left after stripping leading zeros, which keeps an all-zero run whole:
  // `0000000000` (10 zeros) is a LongItem, and a LongItem zero still sorts above an IntItem.
  const kept = z === buf.length ? buf.length : buf.length - z;
  return { kind: 0, size: kept <= 9 ? 0 : kept <= 18 ? 1 : 2, digits: buf.slice(z) };
}

function strItem(value: string, followedByDigit: boolean): StrItem {
  if (followedByDigit && value.length === 1) {
    if (value === 'a') value = 'alpha';
    else if (value === 'b') value = 'beta';
    else if (value === 'm') value = 'milestone';
  }
  const rank = QUALIFIER_RANKS.get(value);
  return { kind: 1, rank: rank ?? 7, value: rank === undefined ? value : '' };
}

function parseItem(isDigit: boolean, buf: string): Item {
  return isDigit ? numItem(buf) : strItem(buf, false);
}

function isNull(item: Item): boolean {
  if (Array.isArray(item)) return item.length === 0;
  return item.kind === 0 ? item.digits === '' : item.rank === RELEASE_RANK;
}

/** ListItem.normalize: drop trailing null items, looking through (not into) sub-lists. */
function normalize(list: ListItem): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i] as Item;
    if (isNull(item)) list.splice(i, 1);
    else if (!Array.isArray(item)) break;
  }
}

// Characters Maven's model validator bans in a version: `\/:"<>|?*` (and, below, white space and controls).
const BANNED_ASCII = new Set([92, 47, 58, 34, 60, 62, 124, 63, 42]);
const NON_ASCII_BANNED = /\s|\p{Cc}/u;
// Java's Character.isDigit accepts every Unicode decimal digit; rather than guess their values, refuse them.
const NON_ASCII_DIGIT = /\p{Nd}/u;

/** One pass over the string, regexes only for the rare non-ASCII character. */
function hasBannedCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 127 || BANNED_ASCII.has(c)) return true;
    if (c >= 128) {
      const ch = s[i] as string;
      if (NON_ASCII_BANNED.test(ch) || NON_ASCII_DIGIT.test(ch)) return true;
    }
  }
  return false;
}

/**
 * Fast path for the most common shape, digits and dots only (`5.3.31`): the general parser would build the same flat
 * list of numbers (an empty part is a zero) and trim its trailing zeros, without the sub-list bookkeeping.
 */
function parsePlainNumbers(s: string): ListItem | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 46 && !isDigit(c)) return undefined;
  }
  const items: ListItem = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s.charCodeAt(i) === 46) {
      items.push(i === start ? ZERO : numItem(s.slice(start, i)));
      start = i + 1;
    }
  }
  // A trailing `.` ends the last part without starting a new one.
  if (s.charCodeAt(s.length - 1) === 46) items.pop();
  normalize(items);
  return items;
}

/** ComparableVersion.parseVersion, step for step. */
export function parseMavenVersion(input: string): MavenVersion | undefined {
  if (input === '' || hasBannedCharacter(input)) return undefined;
  const plain = parsePlainNumbers(input);
  if (plain !== undefined) return { items: plain };
  const version = input.toLowerCase();
  const items: ListItem = [];
  let list = items;
  const stack: ListItem[] = [list];
  let isDigitRun = false;
  let start = 0;
  const n = version.length;
  const push = (): void => {
    const sub: ListItem = [];
    list.push(sub);
    list = sub;
    stack.push(sub);
  };
  for (let i = 0; i < n; i++) {
    const c = version.charCodeAt(i);
    if (c === 46 /* . */) {
      list.push(i === start ? ZERO : parseItem(isDigitRun, version.slice(start, i)));
      start = i + 1;
    } else if (c === 45 /* - */) {
      list.push(i === start ? ZERO : parseItem(isDigitRun, version.slice(start, i)));
      start = i + 1;
      push();
    } else if (isDigit(c)) {
      if (!isDigitRun && i > start) {
        // `1.0.0.X1 < 1.0.0-X2`: a qualifier directly followed by digits opens a sub-list, as `-X` would.
        if (list.length > 0) push();
        list.push(strItem(version.slice(start, i), true));
        start = i;
        push();
      }
      isDigitRun = true;
    } else {
      if (isDigitRun && i > start) {
        list.push(parseItem(true, version.slice(start, i)));
        start = i;
        push();
      }
      isDigitRun = false;
    }
  }
  if (n > start) {
    if (!isDigitRun && list.length > 0) push();
    list.push(parseItem(isDigitRun, version.slice(start)));
  }
  for (let i = stack.length - 1; i >= 0; i--) normalize(stack[i] as ListItem);
  return { items };
}

function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareQualifiers(a: StrItem, b: StrItem): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** Item.compareTo(null): how an item compares with nothing (the other version has ended). */
function compareWithNull(item: Item): number {
  if (Array.isArray(item)) {
    for (const i of item) {
      const r = compareWithNull(i);
      if (r !== 0) return r;
    }
    return 0;
  }
  if (item.kind === 0) return item.digits === '' ? 0 : 1;
  return item.rank === RELEASE_RANK ? 0 : item.rank < RELEASE_RANK ? -1 : 1;
}

function compareItems(a: Item, b: Item): number {
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return b.kind === 0 ? -1 : 1; // 1-1 < 1.1, 1-1 > 1-sp
    const n = a.length > b.length ? a.length : b.length;
    for (let i = 0; i < n; i++) {
      const l = a[i];
      const r = b[i];
      const c = l === undefined ? (r === undefined ? 0 : -compareWithNull(r)) : r === undefined ? compareWithNull(l) : compareItems(l, r);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (a.kind === 0) {
    if (Array.isArray(b) || b.kind === 1) return 1; // 1.1 > 1-1, 1.1 > 1-sp
    return a.size !== b.size ? (a.size < b.size ? -1 : 1) : compareDigits(a.digits, b.digits);
  }
  if (Array.isArray(b) || b.kind === 0) return -1; // 1-sp < 1-1, 1.sp < 1.1
  return compareQualifiers(a, b);
}

export function compareMavenVersions(a: MavenVersion, b: MavenVersion): number {
  return compareItems(a.items, b.items);
}

export const scheme: VersionScheme<MavenVersion> = { id: 'maven', parse: parseMavenVersion, compare: compareMavenVersions };
