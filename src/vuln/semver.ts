import type { VersionScheme } from '../ecosystems/define-ecosystem.js';

/**
 * SemVer 2.0.0 precedence (https://semver.org/#spec-item-11), the ordering OSV mandates for `SEMVER` ranges whatever the
 * package's ecosystem. Deliberately not any ecosystem's own comparator: npm's `semver` drops build metadata in ways and
 * accepts loose forms that are npm policy, not SemVer.
 *
 * Two coercions, both what osv.dev applies to `SEMVER` ranges, so the same advisories match:
 *  - a leading `v` is dropped (Go module versions are written `v1.2.3`);
 *  - a missing minor or patch is taken as 0 (`1.2` → `1.2.0`), but only when no pre-release or build follows.
 * Anything else that is not SemVer 2.0 (leading zeros, empty identifiers, four components) does not parse.
 */
export interface SemVer {
  /** Numeric components as canonical digit strings (no leading zeros): advisories carry numbers past 2^53. */
  readonly core: readonly [string, string, string];
  /** Pre-release identifiers; numeric ones as canonical digit strings, flagged by `numeric`. */
  readonly pre: readonly { readonly value: string; readonly numeric: boolean }[];
}

const NUM = /^(?:0|[1-9]\d*)$/;
const ALNUM = /^[0-9A-Za-z-]+$/;

export function parseSemVer(input: string): SemVer | undefined {
  let s = input.trim();
  if (s.startsWith('v') || s.startsWith('V')) s = s.slice(1);
  if (s === '') return undefined;
  const plus = s.indexOf('+');
  let build: string | undefined;
  if (plus >= 0) {
    build = s.slice(plus + 1);
    s = s.slice(0, plus);
    if (!build.split('.').every((id) => ALNUM.test(id))) return undefined;
  }
  const dash = s.indexOf('-');
  const coreText = dash >= 0 ? s.slice(0, dash) : s;
  const preText = dash >= 0 ? s.slice(dash + 1) : undefined;
  const parts = coreText.split('.');
  if (parts.length > 3 || !parts.every((p) => NUM.test(p))) return undefined;
  if (parts.length < 3 && (preText !== undefined || build !== undefined)) return undefined;
  const core: [string, string, string] = [parts[0] ?? '0', parts[1] ?? '0', parts[2] ?? '0'];
  const pre: { value: string; numeric: boolean }[] = [];
  if (preText !== undefined) {
    for (const id of preText.split('.')) {
      if (!ALNUM.test(id)) return undefined;
      const numeric = /^\d+$/.test(id);
      if (numeric && !NUM.test(id)) return undefined;
      pre.push({ value: id, numeric });
    }
  }
  return { core, pre };
}

function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSemVer(a: SemVer, b: SemVer): number {
  for (let i = 0; i < 3; i++) {
    const c = compareDigits(a.core[i] as string, b.core[i] as string);
    if (c !== 0) return Math.sign(c);
  }
  // A version without pre-release outranks any pre-release of the same core.
  if (a.pre.length === 0 || b.pre.length === 0) return Math.sign(b.pre.length - a.pre.length);
  const n = Math.min(a.pre.length, b.pre.length);
  for (let i = 0; i < n; i++) {
    const x = a.pre[i]!;
    const y = b.pre[i]!;
    if (x.numeric && y.numeric) {
      const c = compareDigits(x.value, y.value);
      if (c !== 0) return Math.sign(c);
    } else if (x.numeric !== y.numeric) {
      return x.numeric ? -1 : 1;
    } else {
      const c = compareAscii(x.value, y.value);
      if (c !== 0) return c;
    }
  }
  return Math.sign(a.pre.length - b.pre.length);
}

/** The ordering of OSV `SEMVER` ranges, as a scheme the range evaluator can use like any ecosystem's. */
export const SEMVER_SCHEME: VersionScheme<SemVer> = { id: 'semver-2.0', parse: parseSemVer, compare: compareSemVer };
