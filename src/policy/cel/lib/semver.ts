import { celFunc, celMethod, CelScalar, type CelFunc } from '@bufbuild/cel';
import type { ReflectMessage } from '@bufbuild/protobuf/reflect';
import semver from 'semver';
import { SEMVER } from '../types.js';

/*
 * Kubernetes' semver library (library/semverlib.go, since 1.33): semver(), isSemver() with optional normalisation,
 * major/minor/patch, compareTo, isGreaterThan, isLessThan. Parsing is strict SemVer 2.0 like blang/semver's Parse (the
 * `semver` package also strips a leading "v", which Kubernetes only does when asked to normalise); precedence comes from
 * the `semver` package. Values hold the version without build metadata, which SemVer precedence (and `==`) ignores.
 */

const { BOOL, INT, STRING } = CelScalar;
const S = SEMVER.type;

/** Kubernetes' normalizeAndParse: drop a "v" prefix, strip leading zeros, fill a missing minor and patch with 0. */
function normalise(s: string): string {
  const parts = (s.startsWith('v') ? s.slice(1) : s).split('.');
  const head = parts.length > 3 ? [parts[0]!, parts[1]!, parts.slice(2).join('.')] : parts;
  const cleaned = head.map((p) => {
    if (p.length <= 1) return p;
    const t = p.replace(/^0+/, '');
    return t === '' || !/^[0-9]/.test(t) ? '0' + t : t;
  });
  if (cleaned.length < 3) {
    if (/[+-]/.test(cleaned[cleaned.length - 1]!)) throw new Error('short version cannot contain PreRelease/Build meta data');
    while (cleaned.length < 3) cleaned.push('0');
  }
  return cleaned.join('.');
}

function parse(s: string, normalize: boolean): semver.SemVer {
  const text = normalize ? normalise(s) : s;
  // The `semver` package tolerates a "v"/"=" prefix and surrounding spaces; blang's strict Parse does not.
  const v = /^[0-9]/.test(text) && text.trim() === text ? semver.parse(text) : null;
  if (!v) throw new Error(`${JSON.stringify(s)} is not a valid semantic version`);
  return v;
}

function value(m: ReflectMessage): semver.SemVer {
  return parse(SEMVER.valueOf(m), false);
}

function valid(s: string, normalize: boolean): boolean {
  try {
    parse(s, normalize);
    return true;
  } catch {
    return false;
  }
}

export const semverFuncs: CelFunc[] = [
  celFunc('semver', [STRING], S, (s) => SEMVER.of(parse(s, false).version) as never),
  celFunc('semver', [STRING, BOOL], S, (s, n) => SEMVER.of(parse(s, n).version) as never),
  celFunc('isSemver', [STRING], BOOL, (s) => valid(s, false)),
  celFunc('isSemver', [STRING, BOOL], BOOL, (s, n) => valid(s, n)),
  celMethod('major', S, [], INT, function () {
    return BigInt(value(this).major);
  }),
  celMethod('minor', S, [], INT, function () {
    return BigInt(value(this).minor);
  }),
  celMethod('patch', S, [], INT, function () {
    return BigInt(value(this).patch);
  }),
  celMethod('compareTo', S, [S], INT, function (other) {
    return BigInt(semver.compare(value(this), value(other)));
  }),
  celMethod('isGreaterThan', S, [S], BOOL, function (other) {
    return semver.compare(value(this), value(other)) > 0;
  }),
  celMethod('isLessThan', S, [S], BOOL, function (other) {
    return semver.compare(value(this), value(other)) < 0;
  }),
];
