/**
 * A practical subset of Terraform's built-in functions (https://developer.hashicorp.com/terraform/language/functions).
 * Functions that need the file system, the clock, randomness or hashing (file, templatefile, timestamp, uuid, sha256…)
 * and functions not listed here return an unknown: the evaluator is pure and never guesses.
 */
import { parse as parseYaml } from 'yaml';
import type { Unknown} from './values.js';
import { formatNumber, isPlainObject, isUnknown, primitiveToString, typeName, unknownFrom, valuesEqual, containsUnknown } from './values.js';

export class FunctionError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

interface FnDef {
  /** Arguments may hold unknowns inside lists and maps (only a top-level unknown makes the result unknown). */
  shallow?: boolean;
  /** Handles unknown arguments itself. */
  raw?: boolean;
  fn(args: unknown[]): unknown;
}

function fail(msg: string): never {
  throw new FunctionError(msg);
}

function str(v: unknown, fn: string): string {
  const s = primitiveToString(v);
  if (s === undefined) fail(`${fn}: a string is required, got ${typeName(v)}`);
  return s;
}

function num(v: unknown, fn: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  fail(`${fn}: a number is required, got ${typeName(v)}`);
}

function list(v: unknown, fn: string): unknown[] {
  if (Array.isArray(v)) return v;
  fail(`${fn}: a list is required, got ${typeName(v)}`);
}

function obj(v: unknown, fn: string): Record<string, unknown> {
  if (isPlainObject(v)) return v;
  fail(`${fn}: a map or object is required, got ${typeName(v)}`);
}

function sorted(keys: string[]): string[] {
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Set semantics: unique elements; strings in lexical order, as Terraform orders sets of strings. */
function toSet(items: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const x of items) if (!out.some((y) => valuesEqual(x, y) === true)) out.push(x);
  if (out.every((x) => typeof x === 'string')) sorted(out as string[]);
  return out;
}

function jsonEncode(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x));
}

function formatVerb(verb: string, flags: string, width: string, prec: string, v: unknown): string {
  let s: string;
  switch (verb) {
    case 's':
    case 'v':
      s = isPlainObject(v) || Array.isArray(v) ? jsonEncode(v) : str(v, 'format');
      break;
    case 'q':
      s = JSON.stringify(str(v, 'format'));
      break;
    case 'd': {
      const n = num(v, 'format');
      if (!Number.isInteger(n)) fail('format: %d needs a whole number');
      s = formatNumber(n);
      if (flags.includes('+') && n >= 0) s = '+' + s;
      break;
    }
    case 'f':
    case 'e':
    case 'g': {
      const n = num(v, 'format');
      const p = prec === '' ? 6 : Number(prec);
      s = verb === 'f' ? n.toFixed(p) : verb === 'e' ? n.toExponential(p) : String(n);
      break;
    }
    case 't':
      if (typeof v !== 'boolean') fail('format: %t needs a bool');
      s = String(v);
      break;
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      const n = num(v, 'format');
      s = Math.trunc(n).toString(verb === 'o' ? 8 : verb === 'b' ? 2 : 16);
      if (verb === 'X') s = s.toUpperCase();
      break;
    }
    default:
      fail(`format: unsupported verb %${verb}`);
  }
  if (verb === 's' && prec !== '') s = s.slice(0, Number(prec));
  const w = width === '' ? 0 : Number(width);
  if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') && verb !== 's' ? '0' : ' ');
  return s;
}

function format(fmt: string, args: unknown[]): string {
  let i = 0;
  return fmt.replace(/%([-+#0 ]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width: string, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (i >= args.length) fail('format: not enough arguments for the format string');
    return formatVerb(verb, flags, width, prec ?? '', args[i++]);
  });
}

function flatten(v: unknown[], out: unknown[], depth: number): void {
  if (depth > 64) fail('flatten: nested too deeply');
  for (const x of v) {
    if (isUnknown(x)) throw new UnknownResult(x);
    if (Array.isArray(x)) flatten(x, out, depth + 1);
    else out.push(x);
  }
}

/** Thrown by shallow functions that meet an unknown where the result depends on it. */
class UnknownResult extends Error {
  constructor(readonly value: Unknown) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super('unknown');
    Error.stackTraceLimit = limit;
  }
}

function ipv4ToInt(ip: string): number {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) fail(`invalid IPv4 address "${ip}"`);
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) fail(`invalid IPv4 address "${ip}"`);
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function parseCidr(prefix: string): { base: number; bits: number } {
  const [ip, b] = prefix.split('/');
  const bits = Number(b);
  if (ip === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) fail(`invalid IPv4 CIDR "${prefix}" (IPv6 is not evaluated)`);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (ipv4ToInt(ip) & mask) >>> 0, bits };
}

function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const { base, bits } = parseCidr(prefix);
  const nb = bits + newbits;
  if (nb > 32) fail('cidrsubnet: not enough address space');
  if (netnum < 0 || netnum >= 2 ** newbits) fail('cidrsubnet: netnum out of range');
  const net = (base + netnum * 2 ** (32 - nb)) >>> 0;
  return `${intToIpv4(net)}/${nb}`;
}

function cidrhost(prefix: string, hostnum: number): string {
  const { base, bits } = parseCidr(prefix);
  const size = 2 ** (32 - bits);
  const h = hostnum < 0 ? size + hostnum : hostnum;
  if (h < 0 || h >= size) fail('cidrhost: host number out of range');
  return intToIpv4((base + h) >>> 0);
}

/** Terraform's regex syntax (RE2) mostly matches JavaScript's; named groups `(?P<n>…)` are spelled `(?<n>…)` here. */
function toRegExp(pattern: string, flags = ''): RegExp {
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<'), flags);
  } catch {
    fail(`invalid regular expression ${JSON.stringify(pattern)}`);
  }
}

function regexResult(m: RegExpExecArray): unknown {
  if (m.groups && Object.keys(m.groups).length > 0) return { ...m.groups };
  if (m.length > 1) return m.slice(1).map((x) => x ?? null);
  return m[0];
}

const b64 = {
  encode(s: string): string {
    return Buffer.from(s, 'utf8').toString('base64');
  },
  decode(s: string): string {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) fail('base64decode: invalid base64');
    return Buffer.from(s, 'base64').toString('utf8');
  },
};

const FUNCTIONS: Record<string, FnDef> = {
  // ---- strings ----
  lower: { fn: ([s]) => str(s, 'lower').toLowerCase() },
  upper: { fn: ([s]) => str(s, 'upper').toUpperCase() },
  title: { fn: ([s]) => str(s, 'title').replace(/\b\p{L}/gu, (c) => c.toUpperCase()) },
  format: { fn: ([f, ...rest]) => format(str(f, 'format'), rest) },
  formatlist: {
    fn: ([f, ...rest]) => {
      const fmt = str(f, 'formatlist');
      const n = Math.max(0, ...rest.map((r) => (Array.isArray(r) ? r.length : 0)));
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(format(fmt, rest.map((r) => (Array.isArray(r) ? r[i] : r))));
      return out;
    },
  },
  join: {
    fn: ([sep, ...lists]) => {
      const s = str(sep, 'join');
      return lists.flatMap((l) => list(l, 'join').map((x) => str(x, 'join'))).join(s);
    },
  },
  split: { fn: ([sep, s]) => (str(s, 'split') === '' ? [] : str(s, 'split').split(str(sep, 'split'))) },
  replace: {
    fn: ([s, sub, rep]) => {
      const text = str(s, 'replace');
      const from = str(sub, 'replace');
      const to = str(rep, 'replace');
      if (from.length > 1 && from.startsWith('/') && from.endsWith('/')) return text.replace(toRegExp(from.slice(1, -1), 'g'), to.replace(/\$\{(\w+)\}/g, '$<$1>'));
      return text.split(from).join(to);
    },
  },
  substr: {
    fn: ([s, off, len]) => {
      const chars = Array.from(str(s, 'substr'));
      let o = num(off, 'substr');
      const l = num(len, 'substr');
      if (o < 0) o = Math.max(0, chars.length + o);
      return chars.slice(o, l < 0 ? undefined : o + l).join('');
    },
  },
  trim: {
    fn: ([s, cut]) => {
      const set = new Set(Array.from(str(cut, 'trim')));
      const c = Array.from(str(s, 'trim'));
      let a = 0;
      let b = c.length;
      while (a < b && set.has(c[a]!)) a++;
      while (b > a && set.has(c[b - 1]!)) b--;
      return c.slice(a, b).join('');
    },
  },
  trimspace: { fn: ([s]) => str(s, 'trimspace').trim() },
  trimprefix: { fn: ([s, p]) => (str(s, 'trimprefix').startsWith(str(p, 'trimprefix')) ? str(s, 'trimprefix').slice(str(p, 'trimprefix').length) : str(s, 'trimprefix')) },
  trimsuffix: {
    fn: ([s, p]) => {
      const t = str(s, 'trimsuffix');
      const x = str(p, 'trimsuffix');
      return x !== '' && t.endsWith(x) ? t.slice(0, -x.length) : t;
    },
  },
  chomp: { fn: ([s]) => str(s, 'chomp').replace(/(\r?\n)+$/, '') },
  indent: { fn: ([n, s]) => str(s, 'indent').replace(/\n/g, '\n' + ' '.repeat(num(n, 'indent'))) },
  startswith: { fn: ([s, p]) => str(s, 'startswith').startsWith(str(p, 'startswith')) },
  endswith: { fn: ([s, p]) => str(s, 'endswith').endsWith(str(p, 'endswith')) },
  strcontains: { fn: ([s, p]) => str(s, 'strcontains').includes(str(p, 'strcontains')) },
  strrev: { fn: ([s]) => Array.from(str(s, 'strrev')).reverse().join('') },
  regex: {
    fn: ([p, s]) => {
      const m = toRegExp(str(p, 'regex')).exec(str(s, 'regex'));
      if (!m) fail('regex: no match');
      return regexResult(m);
    },
  },
  regexall: {
    fn: ([p, s]) => {
      const re = toRegExp(str(p, 'regexall'), 'g');
      const text = str(s, 'regexall');
      const out: unknown[] = [];
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        out.push(regexResult(m));
        if (m[0] === '') re.lastIndex++;
      }
      return out;
    },
  },
  tostring: { fn: ([v]) => (v === null ? null : str(v, 'tostring')) },
  tonumber: { fn: ([v]) => (v === null ? null : num(v, 'tonumber')) },
  tobool: {
    fn: ([v]) => {
      if (v === null || typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      fail(`tobool: cannot convert ${typeName(v)}`);
    },
  },
  // ---- collections ----
  length: {
    shallow: true,
    fn: ([v]) => {
      if (typeof v === 'string') return Array.from(v).length;
      if (Array.isArray(v)) return v.length;
      if (isPlainObject(v)) return Object.keys(v).length;
      fail(`length: cannot take the length of ${typeName(v)}`);
    },
  },
  element: {
    shallow: true,
    fn: ([l, i]) => {
      const a = list(l, 'element');
      if (a.length === 0) fail('element: empty list');
      const n = Math.floor(num(i, 'element'));
      if (n < 0) fail('element: negative index');
      return a[n % a.length];
    },
  },
  index: {
    fn: ([l, v]) => {
      const i = list(l, 'index').findIndex((x) => valuesEqual(x, v) === true);
      if (i < 0) fail('index: item not found');
      return i;
    },
  },
  contains: { fn: ([l, v]) => list(l, 'contains').some((x) => valuesEqual(x, v) === true) },
  keys: { shallow: true, fn: ([m]) => sorted(Object.keys(obj(m, 'keys'))) },
  values: {
    shallow: true,
    fn: ([m]) => {
      const o = obj(m, 'values');
      return sorted(Object.keys(o)).map((k) => o[k]);
    },
  },
  lookup: {
    shallow: true,
    fn: (args) => {
      const [m, k, d] = args;
      const o = obj(m, 'lookup');
      if (isUnknown(k)) throw new UnknownResult(k);
      const key = str(k, 'lookup');
      if (Object.prototype.hasOwnProperty.call(o, key)) return o[key];
      if (args.length < 3) fail(`lookup: no key "${key}" and no default`);
      return d;
    },
  },
  merge: {
    shallow: true,
    fn: (args) => {
      const out: Record<string, unknown> = {};
      for (const a of args) {
        if (a === null) continue;
        Object.assign(out, obj(a, 'merge'));
      }
      return out;
    },
  },
  concat: { shallow: true, fn: (args) => args.flatMap((a) => list(a, 'concat')) },
  flatten: {
    shallow: true,
    fn: ([l]) => {
      const out: unknown[] = [];
      flatten(list(l, 'flatten'), out, 0);
      return out;
    },
  },
  distinct: {
    fn: ([l]) => {
      const out: unknown[] = [];
      for (const x of list(l, 'distinct')) if (!out.some((y) => valuesEqual(x, y) === true)) out.push(x);
      return out;
    },
  },
  compact: { fn: ([l]) => list(l, 'compact').filter((x) => x !== null && x !== '') },
  coalesce: {
    raw: true,
    fn: (args) => {
      for (const a of args) {
        if (isUnknown(a)) return unknownFrom(a);
        if (a !== null && a !== '') return a;
      }
      fail('coalesce: all arguments are null or empty');
    },
  },
  coalescelist: {
    raw: true,
    fn: (args) => {
      for (const a of args) {
        if (isUnknown(a)) return unknownFrom(a);
        if (Array.isArray(a) && a.length > 0) return a;
      }
      fail('coalescelist: all lists are empty');
    },
  },
  zipmap: {
    shallow: true,
    fn: ([k, v]) => {
      const ks = list(k, 'zipmap');
      const vs = list(v, 'zipmap');
      if (ks.length !== vs.length) fail('zipmap: lists of different lengths');
      const out: Record<string, unknown> = {};
      ks.forEach((key, i) => {
        if (isUnknown(key)) throw new UnknownResult(key);
        out[str(key, 'zipmap')] = vs[i];
      });
      return out;
    },
  },
  slice: {
    shallow: true,
    fn: ([l, a, b]) => {
      const arr = list(l, 'slice');
      const s = num(a, 'slice');
      const e = num(b, 'slice');
      if (s < 0 || e > arr.length || s > e) fail('slice: index out of range');
      return arr.slice(s, e);
    },
  },
  reverse: { shallow: true, fn: ([l]) => [...list(l, 'reverse')].reverse() },
  sort: { fn: ([l]) => sorted(list(l, 'sort').map((x) => str(x, 'sort'))) },
  range: {
    fn: (args) => {
      let start = 0;
      let end: number;
      let step = 1;
      if (args.length === 1) end = num(args[0], 'range');
      else {
        start = num(args[0], 'range');
        end = num(args[1], 'range');
        if (args.length > 2) step = num(args[2], 'range');
        else if (end < start) step = -1;
      }
      if (step === 0) fail('range: step must not be zero');
      const out: number[] = [];
      for (let x = start; step > 0 ? x < end : x > end; x += step) {
        out.push(x);
        if (out.length > 1024) fail('range: more than 1024 elements');
      }
      return out;
    },
  },
  setunion: { fn: (args) => toSet(args.flatMap((a) => list(a, 'setunion'))) },
  setintersection: {
    fn: ([first, ...rest]) => toSet(list(first, 'setintersection').filter((x) => rest.every((r) => list(r, 'setintersection').some((y) => valuesEqual(x, y) === true)))),
  },
  setsubtract: { fn: ([a, b]) => toSet(list(a, 'setsubtract').filter((x) => !list(b, 'setsubtract').some((y) => valuesEqual(x, y) === true))) },
  setproduct: {
    fn: (args) => {
      let out: unknown[][] = [[]];
      for (const a of args) {
        out = out.flatMap((prefix) => list(a, 'setproduct').map((x) => [...prefix, x]));
        if (out.length > 10000) fail('setproduct: too many combinations');
      }
      return args.length === 0 ? [] : out;
    },
  },
  one: {
    shallow: true,
    fn: ([l]) => {
      const a = list(l, 'one');
      if (a.length > 1) fail('one: more than one element');
      return a.length === 0 ? null : a[0];
    },
  },
  alltrue: { fn: ([l]) => list(l, 'alltrue').every((x) => x === true || x === 'true') },
  anytrue: { fn: ([l]) => list(l, 'anytrue').some((x) => x === true || x === 'true') },
  sum: { fn: ([l]) => list(l, 'sum').reduce((a: number, x) => a + num(x, 'sum'), 0) },
  chunklist: {
    shallow: true,
    fn: ([l, n]) => {
      const a = list(l, 'chunklist');
      const size = num(n, 'chunklist');
      if (size <= 0) return [a];
      const out: unknown[][] = [];
      for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size));
      return out;
    },
  },
  transpose: {
    fn: ([m]) => {
      const out: Record<string, string[]> = {};
      const o = obj(m, 'transpose');
      for (const k of sorted(Object.keys(o))) for (const v of list(o[k], 'transpose')) (out[str(v, 'transpose')] ??= []).push(k);
      return out;
    },
  },
  matchkeys: {
    fn: ([vals, keys, search]) => {
      const v = list(vals, 'matchkeys');
      const k = list(keys, 'matchkeys');
      const s = list(search, 'matchkeys');
      return v.filter((_x, i) => s.some((y) => valuesEqual(k[i], y) === true));
    },
  },
  tolist: { shallow: true, fn: ([v]) => (v === null ? null : list(v, 'tolist')) },
  toset: { fn: ([v]) => (v === null ? null : toSet(list(v, 'toset'))) },
  tomap: { shallow: true, fn: ([v]) => (v === null ? null : obj(v, 'tomap')) },
  sensitive: { raw: true, fn: ([v]) => v },
  nonsensitive: { raw: true, fn: ([v]) => v },
  // ---- numbers ----
  min: { fn: (args) => Math.min(...args.map((a) => num(a, 'min'))) },
  max: { fn: (args) => Math.max(...args.map((a) => num(a, 'max'))) },
  abs: { fn: ([n]) => Math.abs(num(n, 'abs')) },
  ceil: { fn: ([n]) => Math.ceil(num(n, 'ceil')) },
  floor: { fn: ([n]) => Math.floor(num(n, 'floor')) },
  pow: { fn: ([a, b]) => num(a, 'pow') ** num(b, 'pow') },
  signum: { fn: ([n]) => Math.sign(num(n, 'signum')) },
  log: { fn: ([n, b]) => Math.log(num(n, 'log')) / Math.log(num(b, 'log')) },
  parseint: {
    fn: ([s, b]) => {
      const base = num(b, 'parseint');
      const text = str(s, 'parseint');
      const n = parseInt(text, base);
      if (Number.isNaN(n) || !new RegExp(`^[-+]?[0-9a-z]+$`, 'i').test(text)) fail('parseint: not a number in that base');
      return n;
    },
  },
  // ---- encoding ----
  jsonencode: { fn: ([v]) => jsonEncode(v) },
  jsondecode: {
    fn: ([s]) => {
      try {
        return JSON.parse(str(s, 'jsondecode')) as unknown;
      } catch {
        fail('jsondecode: invalid JSON');
      }
    },
  },
  yamldecode: {
    fn: ([s]) => {
      try {
        return parseYaml(str(s, 'yamldecode'), { maxAliasCount: 100 }) as unknown;
      } catch {
        fail('yamldecode: invalid YAML');
      }
    },
  },
  base64encode: { fn: ([s]) => b64.encode(str(s, 'base64encode')) },
  base64decode: { fn: ([s]) => b64.decode(str(s, 'base64decode')) },
  urlencode: { fn: ([s]) => encodeURIComponent(str(s, 'urlencode')).replace(/%20/g, '+') },
  // ---- network ----
  cidrsubnet: { fn: ([p, b, n]) => cidrsubnet(str(p, 'cidrsubnet'), num(b, 'cidrsubnet'), num(n, 'cidrsubnet')) },
  cidrhost: { fn: ([p, h]) => cidrhost(str(p, 'cidrhost'), num(h, 'cidrhost')) },
  cidrnetmask: {
    fn: ([p]) => {
      const { bits } = parseCidr(str(p, 'cidrnetmask'));
      return intToIpv4(bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);
    },
  },
  cidrsubnets: {
    fn: ([p, ...nbs]) => {
      const { base, bits } = parseCidr(str(p, 'cidrsubnets'));
      let next = base;
      return nbs.map((nb) => {
        const size = bits + num(nb, 'cidrsubnets');
        if (size > 32) fail('cidrsubnets: not enough address space');
        const block = 2 ** (32 - size);
        next = Math.ceil(next / block) * block;
        const out = `${intToIpv4(next >>> 0)}/${size}`;
        next += block;
        return out;
      });
    },
  },
};

/** Calls a built-in function. Unknown arguments give an unknown result (carrying their references). */
export function callFunction(name: string, args: unknown[], _scope: unknown): unknown {
  const def = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!def) return unknownFrom(...args);
  if (!def.raw) {
    const blocked = def.shallow ? args.some((a) => isUnknown(a)) : args.some((a) => containsUnknown(a));
    if (blocked) return unknownFrom(...args);
  }
  try {
    return def.fn(args);
  } catch (e) {
    if (e instanceof UnknownResult) return unknownFrom(e.value, ...args);
    throw e;
  }
}

/** Names of the functions that are evaluated (the rest yield unknown values). */
export const SUPPORTED_FUNCTIONS: readonly string[] = [...Object.keys(FUNCTIONS), 'try', 'can'].sort();
