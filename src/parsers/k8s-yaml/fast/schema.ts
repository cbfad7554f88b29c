import { Buffer } from 'node:buffer';
import { FAILSAFE_SCHEMA, Type, types } from 'js-yaml';

/**
 * A js-yaml schema that resolves plain scalars exactly as the `yaml` library's YAML 1.1 schema does (the one
 * parse.ts uses, and the way kubectl's decoder reads manifests): `yes`/`no`/`on`/`off`/`y`/`n` booleans, `0755`
 * octals, `_` digit separators, sexagesimal `1:30`, timestamps, `<<` merge keys. The regular expressions and
 * conversions are those of yaml@2's `yaml-1.1` schema, so both parsers produce the same values.
 */

const BOOLS = new Map<string, boolean>();
for (const s of ['Y', 'y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS.set(s, true);
for (const s of ['N', 'n', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLS.set(s, false);

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (d) => d === null || d === '' || d === '~' || d === 'null' || d === 'Null' || d === 'NULL',
  construct: () => null,
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (d) => typeof d === 'string' && d.length <= 5 && BOOLS.has(d),
  construct: (d) => BOOLS.get(d as string) === true,
});

const INT_BIN = /^[-+]?0b[0-1_]+$/;
const INT_OCT = /^[-+]?0[0-7_]+$/;
const INT_DEC = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const INT_TIME = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;
const FLOAT_TIME = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/;
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/;

/** Could `s` be a number? (cheap test before the regular expressions: most scalars are words) */
function numberish(s: string): boolean {
  const c = s.charCodeAt(0);
  // 0-9 + - . e E
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45;
}

function intResolve(str: string, offset: number, radix: number): number {
  const sign = str[0];
  if (sign === '-' || sign === '+') offset += 1;
  const n = parseInt(str.substring(offset).replace(/_/g, ''), radix);
  return sign === '-' ? -1 * n : n;
}

function parseSexagesimal(str: string): number {
  const sign = str[0];
  const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
  const res = parts
    .replace(/_/g, '')
    .split(':')
    .reduce((acc, p) => acc * 60 + Number(p), 0);
  return sign === '-' ? -1 * res : res;
}

function intValue(s: string): number | undefined {
  if (INT_BIN.test(s)) return intResolve(s, 2, 2);
  if (INT_OCT.test(s)) return intResolve(s, 1, 8);
  if (INT_DEC.test(s)) return intResolve(s, 0, 10);
  if (INT_HEX.test(s)) return intResolve(s, 2, 16);
  if (INT_TIME.test(s)) return parseSexagesimal(s);
  return undefined;
}

function floatValue(s: string): number | undefined {
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s.replace(/_/g, ''));
  if (FLOAT_TIME.test(s)) return parseSexagesimal(s);
  return undefined;
}

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (d) => typeof d === 'string' && d.length > 0 && numberish(d) && intValue(d) !== undefined,
  construct: (d) => intValue(d as string),
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (d) => typeof d === 'string' && d.length > 0 && numberish(d) && floatValue(d) !== undefined,
  construct: (d) => floatValue(d as string),
});

function timestampValue(str: string): Date | undefined {
  const match = TIMESTAMP.exec(str);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
  let date = Date.UTC(year!, month! - 1, day!, hour || 0, minute || 0, second || 0, millisec);
  const tz = match[8];
  if (tz && tz !== 'Z') {
    let d = parseSexagesimal(tz);
    if (Math.abs(d) < 30) d *= 60;
    date -= 60000 * d;
  }
  return new Date(date);
}

const timestampType = new Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (d) => typeof d === 'string' && d.length >= 8 && d.charCodeAt(4) === 0x2d && TIMESTAMP.test(d),
  construct: (d) => timestampValue(d as string),
  instanceOf: Date,
});

const binaryType = new Type('tag:yaml.org,2002:binary', {
  kind: 'scalar',
  resolve: (d) => d === null || typeof d === 'string',
  construct: (d) => Buffer.from(typeof d === 'string' ? d : '', 'base64'),
});

// Tags the schema does not know (`!Ref`, `!!python/x`, `!<verbatim>`): the `yaml` library warns and keeps the
// node as a plain string, map or sequence; a js-yaml "multi" type with an empty prefix matches every such tag.
const anyScalar = new Type('', { kind: 'scalar', multi: true, resolve: () => true, construct: (d) => (d === null ? '' : d) });
const anySeq = new Type('', { kind: 'sequence', multi: true, resolve: () => true, construct: (d) => (d === null ? [] : d) });
const anyMap = new Type('', { kind: 'mapping', multi: true, resolve: () => true, construct: (d) => (d === null ? {} : d) });

export const MERGE_TAG = 'tag:yaml.org,2002:merge';

export const YAML11_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType, timestampType, types.merge],
  explicit: [binaryType, types.omap, types.pairs, types.set, anyScalar, anySeq, anyMap],
});
