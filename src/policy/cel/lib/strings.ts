import { celEnv, celMethod, CelScalar, isCelError, listType, type CelFunc } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';

/*
 * The strings extension (cel-go ext.Strings v2, as Kubernetes enables it) comes from @bufbuild/cel, with two overloads
 * replaced:
 * - `replace`: with an empty pattern it inserts the replacement between every character, so `s.replace('', s)` is
 *   quadratic in the size of `s` — a one-line way to exhaust memory on a large ConfigMap. The result size is computed
 *   before the library builds it, and too large a result is an evaluation error, like Kubernetes' cost limit.
 * - `split(sep, n)`: the library drops the rest of the string after n parts (JavaScript's split); cel-go, like Go's
 *   strings.SplitN, keeps it in the last part: `'a b c'.split(' ', 2) == ['a', 'b c']`.
 */

const { INT, STRING } = CelScalar;

/** Largest string `replace` may produce (characters). */
export const MAX_REPLACE_RESULT = 4 * 1024 * 1024;

const ext = celEnv({ funcs: strings }).funcs;

function guardedReplace(s: string, from: string, to: string, n: bigint): string {
  const count = from === '' ? [...s].length + 1 : s.split(from).length - 1;
  const limit = n < 0n ? count : Math.min(count, Number(n));
  const size = s.length + limit * (to.length - from.length);
  if (size > MAX_REPLACE_RESULT) throw new Error(`replace would produce a string of ${size} characters (limit ${MAX_REPLACE_RESULT})`);
  const r = ext.find('replace')?.call(0, s, n < 0n ? [from, to] : [from, to, n]);
  if (r === undefined) throw new Error('no such overload: replace');
  if (isCelError(r)) throw r;
  return r as string;
}

/** Go's strings.SplitN: n < 0 all parts, n == 0 none, else at most n with the remainder in the last; '' splits characters. */
function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  const parts: string[] = [];
  if (sep === '') {
    const chars = [...s];
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  let start = 0;
  while (n < 0 || parts.length < n - 1) {
    const at = s.indexOf(sep, start);
    if (at < 0) break;
    parts.push(s.slice(start, at));
    start = at + sep.length;
  }
  parts.push(s.slice(start));
  return parts;
}

export const stringFuncs: CelFunc[] = [
  ...strings,
  // Same overload ids as the extension's: these replace them.
  celMethod('replace', STRING, [STRING, STRING], STRING, function (from, to) {
    return guardedReplace(this, from, to, -1n);
  }),
  celMethod('replace', STRING, [STRING, STRING, INT], STRING, function (from, to, n) {
    return guardedReplace(this, from, to, n);
  }),
  celMethod('split', STRING, [STRING], listType(STRING), function (sep) {
    return splitN(this, sep, -1);
  }),
  celMethod('split', STRING, [STRING, INT], listType(STRING), function (sep, n) {
    return splitN(this, sep, Number(n));
  }),
];
