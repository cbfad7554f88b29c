import type { VersionScheme } from '../define-ecosystem.js';

/**
 * An RPM EVR `[epoch:]version[-release]`, ordered by rpm's `rpmvercmp` (rpm ≥ 4.15: `~` and `^`) applied to epoch,
 * version and release in turn. Hand-written because no npm package implements the `^` rules of rpm ≥ 4.15 and
 * epochs beyond 2^53 exactly; this walks the original strings, so it allocates nothing while comparing.
 */
export interface RpmVersion {
  /** Digits with leading zeros removed (`''` = epoch 0 or none); compared as a number of any length. */
  readonly epoch: string;
  readonly version: string;
  /**
   * `''` when the EVR has no `-release`. rpm's own labelCompare skips the release when either side lacks one, which
   * is not a total order (`1.0` would equal both `1.0-1` and `1.0-2`); OSV evaluators and this scheme compare a missing
   * release as the empty string instead, so `1.0 < 1.0-1`.
   */
  readonly release: string;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * rpm's parseEVR: the epoch is the leading digits when a `:` follows them, the release is what follows the last `-`.
 * rpm itself compares any string; rejected here are strings rpmbuild never produces — empty, control or white space
 * characters, an empty version or release, `:` anywhere but after a numeric epoch — so they surface as unknown.
 */
export function parseRpmVersion(s: string): RpmVersion | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  let i = 0;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  let epoch = '';
  let vStart = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    if (i === 0) return undefined;
    let z = 0;
    while (z < i && s.charCodeAt(z) === 48) z++;
    epoch = s.slice(z, i);
    vStart = i + 1;
  }
  for (let k = vStart; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c <= 32 || c === 127 || c === 58) return undefined;
  }
  const hyphen = s.lastIndexOf('-');
  let vEnd = n;
  let release = '';
  if (hyphen >= vStart) {
    if (hyphen === n - 1) return undefined;
    release = s.slice(hyphen + 1);
    vEnd = hyphen;
  }
  if (vEnd === vStart) return undefined;
  return { epoch, version: s.slice(vStart, vEnd), release };
}

/** rpm's `rpmvercmp` (lib/rpmvercmp.c, rpm 4.15+): separators are anything but ASCII alphanumerics, `~` and `^`. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la || j < lb) {
    while (i < la && !isSignificant(a.charCodeAt(i))) i++;
    while (j < lb && !isSignificant(b.charCodeAt(j))) j++;
    const ca = i < la ? a.charCodeAt(i) : 0;
    const cb = j < lb ? b.charCodeAt(j) : 0;
    // `~` sorts before everything, even the end of the string.
    if (ca === 126 || cb === 126) {
      if (ca !== 126) return 1;
      if (cb !== 126) return -1;
      i++;
      j++;
      continue;
    }
    // `^` sorts after the end of the string but before anything else.
    if (ca === 94 || cb === 94) {
      if (i >= la) return -1;
      if (j >= lb) return 1;
      if (ca !== 94) return 1;
      if (cb !== 94) return -1;
      i++;
      j++;
      continue;
    }
    if (i >= la || j >= lb) break;

    const si = i;
    const sj = j;
    const numeric = isDigit(ca);
    if (numeric) {
      while (i < la && isDigit(a.charCodeAt(i))) i++;
      while (j < lb && isDigit(b.charCodeAt(j))) j++;
    } else {
      while (i < la && isAlpha(a.charCodeAt(i))) i++;
      while (j < lb && isAlpha(b.charCodeAt(j))) j++;
    }
    // Segments of different kinds: a numeric segment is newer than an alphabetic one.
    if (j === sj) return numeric ? 1 : -1;

    let ai = si;
    let bj = sj;
    if (numeric) {
      while (ai < i && a.charCodeAt(ai) === 48) ai++;
      while (bj < j && b.charCodeAt(bj) === 48) bj++;
      const d = i - ai - (j - bj);
      if (d !== 0) return d > 0 ? 1 : -1;
    }
    // strcmp over the two segments
    while (ai < i && bj < j) {
      const d = a.charCodeAt(ai) - b.charCodeAt(bj);
      if (d !== 0) return d < 0 ? -1 : 1;
      ai++;
      bj++;
    }
    if (ai < i) return 1;
    if (bj < j) return -1;
  }
  if (i >= la && j >= lb) return 0;
  return i >= la ? -1 : 1;
}

/** True for a character that starts a segment or is a `~`/`^` marker (everything else separates). */
function isSignificant(c: number): boolean {
  return isDigit(c) || isAlpha(c) || c === 126 || c === 94;
}

function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareRpmVersions(a: RpmVersion, b: RpmVersion): number {
  return compareDigits(a.epoch, b.epoch) || rpmvercmp(a.version, b.version) || rpmvercmp(a.release, b.release);
}

export const scheme: VersionScheme<RpmVersion> = { id: 'rpm', parse: parseRpmVersion, compare: compareRpmVersions };
