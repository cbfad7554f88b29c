import type { VersionScheme } from '../define-ecosystem.js';

/**
 * A Debian version `[epoch:]upstream[-revision]` (deb-version(7)), ordered exactly as `dpkg --compare-versions`.
 * Hand-written rather than taken from npm: the packages there either lose precision on long digit runs (parseInt) or
 * accept versions dpkg rejects; this is dpkg's own `verrevcmp` walked over the original strings, so nothing is lost.
 */
export interface DebianVersion {
  readonly epoch: number;
  readonly upstream: string;
  /** `''` when the version has no `-revision`; dpkg compares it as the empty string, so `1.0` == `1.0-0`. */
  readonly revision: string;
}

const INT_MAX = 2147483647;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** dpkg trims with C `isspace`: space, \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * dpkg's parseversion. dpkg itself compares some malformed versions with only a warning (no leading digit, characters
 * outside `[A-Za-z0-9.+~:-]`); those are rejected here too, because dpkg refuses to build or install a package that
 * carries one, and an odd string in an advisory must surface as "unknown" rather than be ordered by accident.
 */
export function parseDebianVersion(input: string): DebianVersion | undefined {
  let start = 0;
  let end = input.length;
  while (start < end && isSpace(input.charCodeAt(start))) start++;
  while (end > start && isSpace(input.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  for (let i = start; i < end; i++) if (isSpace(input.charCodeAt(i))) return undefined;

  let epoch = 0;
  let vStart = start;
  const colon = input.indexOf(':', start);
  if (colon >= 0 && colon < end) {
    // strtol accepts one leading '+'; '-' would be a negative epoch, which dpkg rejects.
    let i = start;
    if (input.charCodeAt(i) === 43) i++;
    if (i === colon) return undefined;
    for (; i < colon; i++) {
      const c = input.charCodeAt(i);
      if (!isDigit(c)) return undefined;
      epoch = epoch * 10 + (c - 48);
      if (epoch > INT_MAX) return undefined;
    }
    vStart = colon + 1;
    if (vStart === end) return undefined;
  }

  let vEnd = end;
  let revision = '';
  const hyphen = input.lastIndexOf('-', end - 1);
  if (hyphen >= vStart) {
    if (hyphen === end - 1) return undefined;
    revision = input.slice(hyphen + 1, end);
    vEnd = hyphen;
  }
  if (vEnd === vStart) return undefined;
  if (!isDigit(input.charCodeAt(vStart))) return undefined;
  for (let i = vStart; i < vEnd; i++) {
    const c = input.charCodeAt(i);
    // . + ~ - :
    if (!isDigit(c) && !isAlpha(c) && c !== 46 && c !== 43 && c !== 126 && c !== 45 && c !== 58) return undefined;
  }
  for (let i = 0; i < revision.length; i++) {
    const c = revision.charCodeAt(i);
    if (!isDigit(c) && !isAlpha(c) && c !== 46 && c !== 43 && c !== 126) return undefined;
  }
  return { epoch, upstream: input.slice(vStart, vEnd), revision };
}

/** dpkg's `order()`: `~` before everything (even the end), then the end and digits, then letters, then other characters. */
function order(c: number): number {
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 126) return -1;
  if (Number.isNaN(c)) return 0; // past the end of the string
  return c + 256;
}

/** dpkg's `verrevcmp`: alternating non-digit and digit runs; digit runs compared as numbers of any length. */
export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la || j < lb) {
    let firstDiff = 0;
    while ((i < la && !isDigit(a.charCodeAt(i))) || (j < lb && !isDigit(b.charCodeAt(j)))) {
      const ac = order(a.charCodeAt(i));
      const bc = order(b.charCodeAt(j));
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 48) i++;
    while (b.charCodeAt(j) === 48) j++;
    while (isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a.charCodeAt(i))) return 1;
    if (isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

export function compareDebianVersions(a: DebianVersion, b: DebianVersion): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  return verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
}

export const scheme: VersionScheme<DebianVersion> = { id: 'dpkg', parse: parseDebianVersion, compare: compareDebianVersions };
