import type { VersionScheme } from '../define-ecosystem.js';

/**
 * NuGet versions as `NuGetVersion.TryParse` reads them and `VersionComparer.Default` orders them: up to four numbers
 * (`1.0` == `1.0.0` == `1.0.0.0`), SemVer 2.0 release labels compared case-insensitively, build metadata ignored.
 * Hand-written: `semver` on npm rejects 1-, 2- and 4-part versions and compares labels case-sensitively.
 */
export interface NuGetVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly revision: number;
  /** Release labels; a number where .NET `int.TryParse` reads the label, else the label upper-cased. Empty = release. */
  readonly labels: readonly (number | string)[];
}

const INT_MAX = 2147483647;

/**
 * One section of the version part. NuGet's TryParseInt accepts an empty section as 0 (`1..2`, `1.`, `.1` all parse);
 * it multiplies in unchecked int arithmetic, so a section past Int32 wraps around — refused here instead.
 */
function section(s: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
    if (v > INT_MAX) return -1;
  }
  return v;
}

/** SemanticVersion.IsValidPart: non-empty `[0-9A-Za-z-]+`, and (labels only) no leading zero on an all-digit part. */
function validPart(s: string, start: number, end: number, allowLeadingZeros: boolean): boolean {
  if (end === start) return false;
  let allDigits = true;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (!digit && !(c >= 65 && c <= 90) && !(c >= 97 && c <= 122) && c !== 45) return false;
    if (!digit) allDigits = false;
  }
  return allowLeadingZeros || !(end - start > 1 && s.charCodeAt(start) === 48 && allDigits);
}

/** `int.TryParse` on a valid label: an optional `-` sign and digits within Int32, e.g. `-1` is the number −1. */
function labelKey(label: string): number | string {
  let i = label.charCodeAt(0) === 45 ? 1 : 0;
  if (i === label.length) return label.toUpperCase();
  let v = 0;
  for (; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c < 48 || c > 57) return label.toUpperCase();
    v = v * 10 + (c - 48);
    if (v > INT_MAX + 1) return label.toUpperCase();
  }
  const n = label.charCodeAt(0) === 45 ? -v : v;
  return n > INT_MAX ? label.toUpperCase() : n;
}

const NO_LABELS: readonly (number | string)[] = [];

export function parseNuGetVersion(input: string): NuGetVersion | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  // ParseSections: the version part ends at the first `-` or `+`; labels run to the first `+` after that.
  let dash = -1;
  let plus = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 43) {
      plus = i;
      break;
    }
    if (c === 45 && dash < 0) dash = i;
  }
  const vEnd = dash >= 0 ? dash : plus >= 0 ? plus : s.length;
  const lEnd = plus >= 0 ? plus : s.length;
  // A trailing `-` or `+` is kept inside the preceding section by ParseSections and so fails validation.
  if (vEnd === s.length - 1 || lEnd === s.length - 1) return undefined;
  if (vEnd === 0) return undefined;

  const parts = [0, 0, 0, 0];
  let start = 0;
  for (let k = 0; ; k++) {
    let end = s.indexOf('.', start);
    if (end < 0 || end > vEnd) end = vEnd;
    const v = section(s, start, end);
    if (v < 0) return undefined;
    parts[k] = v;
    if (end === vEnd) break;
    if (k === 3) return undefined; // anything after the fourth section, even a lone `.`
    start = end + 1;
    if (start === vEnd) break; // `1.`: an empty last section is fine
  }

  let labels = NO_LABELS;
  if (dash >= 0) {
    const keys: (number | string)[] = [];
    let ls = dash + 1;
    for (;;) {
      let le = s.indexOf('.', ls);
      if (le < 0 || le > lEnd) le = lEnd;
      if (!validPart(s, ls, le, false)) return undefined;
      keys.push(labelKey(s.slice(ls, le)));
      if (le === lEnd) break;
      ls = le + 1;
    }
    labels = keys;
  }
  if (plus >= 0) {
    let ms = plus + 1;
    for (;;) {
      let me = s.indexOf('.', ms);
      if (me < 0) me = s.length;
      if (!validPart(s, ms, me, true)) return undefined;
      if (me === s.length) break;
      ms = me + 1;
    }
  }
  return { major: parts[0] as number, minor: parts[1] as number, patch: parts[2] as number, revision: parts[3] as number, labels };
}

function compareLabel(a: number | string, b: number | string): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    return -1; // numeric labels sort before alphanumeric ones
  }
  if (typeof b === 'number') return 1;
  // StringComparer.OrdinalIgnoreCase: both sides were upper-cased at parse time.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNuGetVersions(a: NuGetVersion, b: NuGetVersion): number {
  const d = a.major - b.major || a.minor - b.minor || a.patch - b.patch || a.revision - b.revision;
  if (d !== 0) return d;
  const la = a.labels;
  const lb = b.labels;
  if (la.length === 0 || lb.length === 0) return (la.length === 0 ? 1 : 0) - (lb.length === 0 ? 1 : 0);
  const n = la.length < lb.length ? la.length : lb.length;
  for (let i = 0; i < n; i++) {
    const c = compareLabel(la[i] as number | string, lb[i] as number | string);
    if (c !== 0) return c;
  }
  return la.length - lb.length;
}

export const scheme: VersionScheme<NuGetVersion> = { id: 'nuget', parse: parseNuGetVersion, compare: compareNuGetVersions };
