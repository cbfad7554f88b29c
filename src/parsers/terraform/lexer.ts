/**
 * Scanner for HCL native syntax (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md). Templates make the
 * token stream context-dependent — a `}` closes either an object or an interpolation, a `"` opens a template whose
 * text is not tokens — so the scanner keeps a stack of modes (expression, quoted template, heredoc) and is pulled one
 * token at a time by the parser: memory stays flat on a 20 MB file, and no token list is ever built.
 */
import type { Comment } from './ast.js';

export type TokenKind =
  | 'ident'
  | 'number'
  | 'punct'
  | 'newline'
  /** A whole quoted string without escapes or interpolation (the common case, read in one step). */
  | 'string'
  /** Opening `"` of a quoted template. */
  | 'oquote'
  | 'cquote'
  /** Literal text of a template (escapes already decoded in quoted templates). */
  | 'lit'
  /** `${` — `strip` when written `${~`. */
  | 'interp'
  /** `%{` — `strip` when written `%{~`. */
  | 'control'
  /** The `}` that ends an interpolation or directive — `strip` when written `~}`. */
  | 'seqend'
  | 'oheredoc'
  | 'cheredoc'
  | 'eof'
  | 'invalid';

export interface Token {
  kind: TokenKind;
  /** Punctuation as written, identifier name, number text, decoded literal text, heredoc marker. */
  text: string;
  start: number;
  end: number;
  strip: boolean;
  /** `<<-` heredoc: leading indentation is removed. */
  flush: boolean;
}

export interface LexIssue {
  message: string;
  start: number;
  end: number;
}

type Mode = { m: 'expr'; depth: number } | { m: 'quoted' } | { m: 'heredoc'; marker: string; flush: boolean; lineStart: boolean; open: number };

const PUNCT1 = new Set(['+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '=', '.', ',', '(', ')', '[', ']', '{', '}']);

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c > 127 && /\p{ID_Start}/u.test(String.fromCharCode(c)));
}
function isIdPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || (c > 127 && /\p{ID_Continue}/u.test(String.fromCharCode(c)));
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export class Lexer {
  private i = 0;
  private readonly n: number;
  private readonly modes: Mode[] = [{ m: 'expr', depth: 0 }];
  readonly comments: Comment[] = [];
  readonly issues: LexIssue[] = [];
  private pending: Token[] = [];

  /** `templateOnly`: the whole text is template content (a `.tf.json` string), ended by the end of the text. */
  constructor(
    private readonly text: string,
    templateOnly = false,
  ) {
    this.n = text.length;
    if (text.charCodeAt(0) === 0xfeff) this.i = 1;
    if (templateOnly) this.modes.push({ m: 'heredoc', marker: '', flush: false, lineStart: false, open: 0 });
  }

  next(): Token {
    const p = this.pending.shift();
    if (p) return p;
    const top = this.modes[this.modes.length - 1]!;
    if (top.m === 'quoted') return this.quoted();
    if (top.m === 'heredoc') return this.heredoc(top);
    return this.expr(top);
  }

  private tok(kind: TokenKind, text: string, start: number, end: number): Token {
    // Every field set up front: one object shape for all tokens keeps the parser's property reads monomorphic.
    return { kind, text, start, end, strip: false, flush: false };
  }

  private expr(top: { m: 'expr'; depth: number }): Token {
    const t = this.text;
    const n = this.n;
    for (;;) {
      let i = this.i;
      // Whitespace and comments.
      for (;;) {
        const c = t.charCodeAt(i);
        if (c === 32 || c === 9 || c === 13) i++;
        else if (c === 35 || (c === 47 && t.charCodeAt(i + 1) === 47)) {
          const s = i;
          let e = t.indexOf('\n', i);
          if (e === -1) e = n;
          this.comments.push({ start: s, end: e, text: t.slice(s, e) });
          i = e;
        } else if (c === 47 && t.charCodeAt(i + 1) === 42) {
          const s = i;
          const e = t.indexOf('*/', i + 2);
          if (e === -1) {
            this.issues.push({ message: 'comment is not closed with */ before the end of the file', start: s, end: s + 2 });
            this.comments.push({ start: s, end: n, text: t.slice(s) });
            i = n;
          } else {
            this.comments.push({ start: s, end: e + 2, text: t.slice(s, e + 2) });
            i = e + 2;
          }
        } else break;
      }
      this.i = i;
      if (i >= n) {
        if (this.modes.length > 1) {
          // An interpolation left open at the end of the file: close every mode so the parser sees the end.
          this.modes.length = 1;
        }
        return this.tok('eof', '', n, n);
      }
      const c = t.charCodeAt(i);
      if (c === 10) {
        this.i = i + 1;
        return this.tok('newline', '\n', i, i + 1);
      }
      if (isIdStart(c)) {
        let j = i + 1;
        while (j < n && isIdPart(t.charCodeAt(j))) j++;
        this.i = j;
        return this.tok('ident', t.slice(i, j), i, j);
      }
      if (isDigit(c)) {
        let j = i + 1;
        while (isDigit(t.charCodeAt(j))) j++;
        if (t.charCodeAt(j) === 46 && isDigit(t.charCodeAt(j + 1))) {
          j += 2;
          while (isDigit(t.charCodeAt(j))) j++;
        }
        const e = t.charCodeAt(j);
        if (e === 101 || e === 69) {
          let k = j + 1;
          const s = t.charCodeAt(k);
          if (s === 43 || s === 45) k++;
          if (isDigit(t.charCodeAt(k))) {
            while (isDigit(t.charCodeAt(k))) k++;
            j = k;
          }
        }
        this.i = j;
        return this.tok('number', t.slice(i, j), i, j);
      }
      if (c === 34) {
        // Fast path: most strings hold no escape, interpolation or directive; they become one token.
        let j = i + 1;
        for (;;) {
          const d = t.charCodeAt(j);
          if (d === 34 || d === 92 || d === 36 || d === 37 || d === 10 || j >= n) break;
          j++;
        }
        if (t.charCodeAt(j) === 34) {
          this.i = j + 1;
          return this.tok('string', t.slice(i + 1, j), i, j + 1);
        }
        this.i = i + 1;
        this.modes.push({ m: 'quoted' });
        return this.tok('oquote', '"', i, i + 1);
      }
      if (c === 60 && t.charCodeAt(i + 1) === 60) {
        const m = /<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/y;
        m.lastIndex = i;
        const h = m.exec(t);
        if (h) {
          this.i = m.lastIndex;
          this.modes.push({ m: 'heredoc', marker: h[2]!, flush: h[1] === '-', lineStart: true, open: i });
          const tok = this.tok('oheredoc', h[2]!, i, i + 2 + h[1]!.length + h[2]!.length);
          tok.flush = h[1] === '-';
          return tok;
        }
      }
      if (c === 123) {
        top.depth++;
        this.i = i + 1;
        return this.tok('punct', '{', i, i + 1);
      }
      if (c === 125 || (c === 126 && t.charCodeAt(i + 1) === 125)) {
        const strip = c === 126;
        if (!strip && top.depth > 0) {
          top.depth--;
          this.i = i + 1;
          return this.tok('punct', '}', i, i + 1);
        }
        if (this.modes.length > 1) {
          this.modes.pop();
          const e = i + (strip ? 2 : 1);
          this.i = e;
          const tok = this.tok('seqend', '}', i, e);
          if (strip) tok.strip = true;
          if (!strip && top.depth > 0) top.depth--;
          return tok;
        }
        if (!strip) {
          this.i = i + 1;
          return this.tok('punct', '}', i, i + 1);
        }
      }
      const d = t.charCodeAt(i + 1);
      let len: number;
      switch (c) {
        case 46: // .
          len = d === 46 && t.charCodeAt(i + 2) === 46 ? 3 : 1;
          break;
        case 61: // = == =>
        case 33: // ! !=
        case 60: // < <=
        case 62: // > >=
          len = d === 61 || (c === 61 && d === 62) ? 2 : 1;
          break;
        case 38: // &&
          len = d === 38 ? 2 : 0;
          break;
        case 124: // ||
          len = d === 124 ? 2 : 0;
          break;
        default:
          len = PUNCT1.has(t[i]!) ? 1 : 0;
      }
      if (len > 0) {
        this.i = i + len;
        return this.tok('punct', len === 1 ? t[i]! : t.slice(i, i + len), i, i + len);
      }
      // Anything else: one invalid token per run of unexpected characters, so a binary blob is one error, not millions.
      let j = i + 1;
      while (j < n) {
        const d = t.charCodeAt(j);
        if (d === 10 || d === 32 || d === 9 || isIdStart(d) || isDigit(d) || d === 34 || PUNCT1.has(t[j]!)) break;
        j++;
      }
      this.i = j;
      const cp = t.codePointAt(i)!;
      this.issues.push({ message: `unexpected character ${cp < 32 || cp === 127 ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${String.fromCodePoint(cp)}'`}`, start: i, end: i + 1 });
      return this.tok('invalid', t.slice(i, j), i, j);
    }
  }

  /** Pushes the interpolation or directive opener at `i` (`${` or `%{`, maybe `~`) and returns its token. */
  private opener(i: number, kind: 'interp' | 'control'): Token {
    const strip = this.text.charCodeAt(i + 2) === 126;
    const e = i + (strip ? 3 : 2);
    this.i = e;
    this.modes.push({ m: 'expr', depth: 0 });
    const tok = this.tok(kind, kind === 'interp' ? '${' : '%{', i, e);
    if (strip) tok.strip = true;
    return tok;
  }

  private quoted(): Token {
    const t = this.text;
    const n = this.n;
    const start = this.i;
    let i = start;
    let out = '';
    let seg = i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (i >= n || c === 10 || c === 34 || c === 92 || c === 36 || c === 37) {
        if (i >= n || c === 10) {
          if (i > start) {
            this.i = i;
            // Return the text first; the next call reports the missing quote.
            return this.tok('lit', out + t.slice(seg, i), start, i);
          }
          this.issues.push({ message: i >= n ? 'string is not closed before the end of the file' : 'string is not closed on its line (a quoted string cannot span lines; use a heredoc)', start: i, end: i });
          this.modes.pop();
          return this.tok('cquote', '', i, i);
        }
        if (c === 34) {
          out += t.slice(seg, i);
          if (i > start) {
            this.i = i;
            return this.tok('lit', out, start, i);
          }
          this.modes.pop();
          this.i = i + 1;
          return this.tok('cquote', '"', i, i + 1);
        }
        if (c === 36 || c === 37) {
          const d = t.charCodeAt(i + 1);
          if (d === c && t.charCodeAt(i + 2) === 123) {
            // `$${` and `%%{` are the literal `${` and `%{`.
            out += t.slice(seg, i) + String.fromCharCode(c) + '{';
            i += 3;
            seg = i;
            continue;
          }
          if (d === 123) {
            out += t.slice(seg, i);
            if (i > start) {
              this.i = i;
              return this.tok('lit', out, start, i);
            }
            return this.opener(i, c === 36 ? 'interp' : 'control');
          }
          i++;
          continue;
        }
        // Backslash escape.
        out += t.slice(seg, i);
        const e = t[i + 1];
        let len = 2;
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case 'u':
          case 'U': {
            const digits = e === 'u' ? 4 : 8;
            const hex = t.slice(i + 2, i + 2 + digits);
            if (hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) && parseInt(hex, 16) <= 0x10ffff) {
              out += String.fromCodePoint(parseInt(hex, 16));
              len = 2 + digits;
            } else {
              this.issues.push({ message: `invalid \\${e} escape: expected ${digits} hexadecimal digits`, start: i, end: i + 2 });
            }
            break;
          }
          default:
            if (e === undefined || e === '\n') {
              len = 1;
            } else {
              out += e;
            }
            this.issues.push({ message: `invalid escape sequence \\${e === undefined || e === '\n' ? '' : e} in string`, start: i, end: i + len });
        }
        i += len;
        seg = i;
        continue;
      }
      i++;
    }
  }

  private heredoc(top: { m: 'heredoc'; marker: string; flush: boolean; lineStart: boolean; open: number }): Token {
    const t = this.text;
    const n = this.n;
    let i = this.i;
    if (i >= n) {
      if (top.marker === '') {
        this.modes.pop();
        return this.tok('cheredoc', '', n, n);
      }
      this.issues.push({ message: `heredoc <<${top.marker} is not closed: no line with ${top.marker} before the end of the file`, start: top.open, end: top.open + 2 + top.marker.length });
      this.modes.pop();
      return this.tok('cheredoc', '', n, n);
    }
    if (top.lineStart && top.marker !== '') {
      let j = i;
      while (t.charCodeAt(j) === 32 || t.charCodeAt(j) === 9) j++;
      if (t.startsWith(top.marker, j)) {
        const e = j + top.marker.length;
        const after = t.charCodeAt(e);
        if (e >= n || after === 10 || after === 13) {
          this.modes.pop();
          this.i = e;
          return this.tok('cheredoc', top.marker, j, e);
        }
      }
    }
    const start = i;
    let out = '';
    let seg = i;
    for (;;) {
      if (i >= n) break;
      const c = t.charCodeAt(i);
      if (c === 10) {
        i++;
        top.lineStart = true;
        break;
      }
      if (c === 36 || c === 37) {
        const d = t.charCodeAt(i + 1);
        if (d === c && t.charCodeAt(i + 2) === 123) {
          out += t.slice(seg, i) + String.fromCharCode(c) + '{';
          i += 3;
          seg = i;
          continue;
        }
        if (d === 123) {
          if (i > start) break;
          top.lineStart = false;
          return this.opener(i, c === 36 ? 'interp' : 'control');
        }
      }
      i++;
    }
    out += t.slice(seg, i);
    if (i < n && t.charCodeAt(i - 1) !== 10) top.lineStart = false;
    this.i = i;
    return this.tok('lit', out, start, i);
  }
}
