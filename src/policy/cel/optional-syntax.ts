/*
 * CEL's optional syntax (`object.?spec.?replicas`, `labels[?'team']`) is part of the language Kubernetes enables
 * (cel.OptionalTypes since 1.28), but the @bufbuild/cel parser does not accept it. Instead of forking the parser, the
 * source is rewritten into syntax it does accept, with reserved names the AST pass (ast.ts) turns back into optional
 * selection and indexing:
 *
 *   a.?b      →  a.__palisade_opt__b
 *   a[?k]     →  a[__palisade_optidx__(k)]
 *
 * The scanner below knows just enough of CEL's lexical grammar to do that safely: string and bytes literals (quoted,
 * triple-quoted, raw), comments, identifiers, and which `[` is an index (it follows an operand) rather than a list literal.
 * Every character of the output maps back to its offset in the original text, so error positions stay exact.
 */

export const OPT_FIELD_PREFIX = '__palisade_opt__';
export const OPT_INDEX_FUNCTION = '__palisade_optidx__';
/** User text must not contain these: they would be mistaken for rewritten syntax. */
export const RESERVED_PREFIX = '__palisade_';

export interface RewrittenSource {
  text: string;
  /** Offset in the rewritten text → offset in the original text. */
  toOriginal(offset: number): number;
}

type TokenKind = 'none' | 'operand' | 'keyword' | 'punct';

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const STRING_PREFIXES = new Set(['r', 'R', 'b', 'B', 'rb', 'rB', 'Rb', 'RB', 'br', 'bR', 'Br', 'BR']);
const KEYWORDS = new Set(['in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

export function rewriteOptionalSyntax(src: string): RewrittenSource {
  if (!src.includes('?')) return { text: src, toOriginal: (o) => o };
  const out: string[] = [];
  const map: number[] = [];
  const emit = (s: string, origin: number): void => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]!);
      map.push(origin);
    }
  };
  const copy = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      out.push(src[k]!);
      map.push(k);
    }
  };
  const skipSpace = (from: number): number => {
    let j = from;
    while (j < src.length && /\s/.test(src[j]!)) j++;
    return j;
  };

  /** For each open `[`: whether it was an optional index (needs a `)` before its `]`). */
  const brackets: boolean[] = [];
  let prev: TokenKind = 'none';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      copy(i, i + 1);
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      copy(i, stop);
      i = stop;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < src.length && IDENT_PART.test(src[j]!)) j++;
      const word = src.slice(i, j);
      if (STRING_PREFIXES.has(word) && (src[j] === '"' || src[j] === "'")) {
        const end = scanString(src, j, /r/i.test(word));
        copy(i, end);
        i = end;
        prev = 'operand';
        continue;
      }
      copy(i, j);
      i = j;
      prev = KEYWORDS.has(word) ? 'keyword' : 'operand';
      continue;
    }
    if (c === '"' || c === "'") {
      const end = scanString(src, i, false);
      copy(i, end);
      i = end;
      prev = 'operand';
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      // Numbers: digits, hex, exponent, fraction, `u` suffix. A following `.?` cannot be valid after a literal anyway.
      while (j < src.length && /[0-9A-Za-z_.]/.test(src[j]!)) {
        if (src[j] === '.' && src[j + 1] !== undefined && !/[0-9]/.test(src[j + 1]!)) break;
        if ((src[j] === 'e' || src[j] === 'E') && (src[j + 1] === '+' || src[j + 1] === '-')) j++;
        j++;
      }
      copy(i, j);
      i = j;
      prev = 'operand';
      continue;
    }
    if (c === '.') {
      const q = skipSpace(i + 1);
      if (src[q] === '?') {
        const f = skipSpace(q + 1);
        if (f < src.length && IDENT_START.test(src[f]!)) {
          // `.` + the whitespace before `?` + the whitespace after it, then the marked field name.
          copy(i, q);
          copy(q + 1, f);
          emit(OPT_FIELD_PREFIX, f);
          i = f;
          prev = 'punct';
          continue;
        }
      }
      copy(i, i + 1);
      i++;
      prev = 'punct';
      continue;
    }
    if (c === '[') {
      const q = skipSpace(i + 1);
      const isIndex = prev === 'operand';
      if (isIndex && src[q] === '?') {
        copy(i, i + 1);
        copy(i + 1, q);
        emit(OPT_INDEX_FUNCTION + '(', q);
        brackets.push(true);
        i = q + 1;
      } else {
        brackets.push(false);
        copy(i, i + 1);
        i++;
      }
      prev = 'punct';
      continue;
    }
    if (c === ']') {
      if (brackets.pop() === true) emit(')', i);
      copy(i, i + 1);
      i++;
      prev = 'operand';
      continue;
    }
    copy(i, i + 1);
    i++;
    prev = c === ')' || c === '}' ? 'operand' : 'punct';
  }
  const text = out.join('');
  return {
    text,
    toOriginal: (o) => (o < 0 ? 0 : o < map.length ? map[o]! : src.length),
  };
}

/** Offset just past the string literal starting with the quote at `start` (or the end of the text if unterminated). */
function scanString(src: string, start: number, raw: boolean): number {
  const q = src[start]!;
  const triple = src.startsWith(q + q + q, start);
  const close = triple ? q + q + q : q;
  let j = start + close.length;
  while (j < src.length) {
    if (!raw && src[j] === '\\') {
      j += 2;
      continue;
    }
    if (src.startsWith(close, j)) return j + close.length;
    if (!triple && src[j] === '\n') return j;
    j++;
  }
  return src.length;
}
