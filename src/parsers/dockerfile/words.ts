/**
 * Word splitting of an instruction's logical text, the way BuildKit reads each instruction: most split on blanks only,
 * ENV/LABEL/ARG and `--flags` respect quotes, exec forms are JSON arrays of strings. Spans are indexes in the logical
 * text so the caller can map them to file positions.
 */

/** More words than this in one instruction are not split further (a hostile or generated file); the caller warns. */
export const MAX_WORDS = 10_000;

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  /** The word with quotes and escapes removed (quote-aware splitting) or as written. */
  value: string;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Blank-separated words from `from`, not quote-aware (COPY sources, EXPOSE ports, RUN words). */
export function splitBlank(text: string, from: number, limit = MAX_WORDS): { words: Word[]; truncated: boolean } {
  const words: Word[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n) break;
    if (words.length >= limit) return { words, truncated: true };
    const s = i;
    while (i < n && !isBlank(text.charCodeAt(i))) i++;
    words.push({ start: s, end: i, value: text.slice(s, i) });
  }
  return { words, truncated: false };
}

/**
 * Quote-aware words (ENV `A="x y" B=z`, `--mount="type=cache,target=/x"`): a blank ends a word only outside quotes.
 * `value` has the quotes removed and escapes applied (`\"` inside double quotes, the escape character outside).
 */
export function splitQuoted(text: string, from: number, escape: string, limit = MAX_WORDS): { words: Word[]; truncated: boolean } {
  const words: Word[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n) break;
    if (words.length >= limit) return { words, truncated: true };
    const s = i;
    let value = '';
    let quote = '';
    for (; i < n; i++) {
      const c = text[i]!;
      if (quote === '') {
        if (isBlank(c.charCodeAt(0))) break;
        if (c === '"' || c === "'") quote = c;
        else if (c === escape && i + 1 < n) value += text[++i];
        else value += c;
      } else if (c === quote) quote = '';
      else if (quote === '"' && c === escape && i + 1 < n && '"\\$`'.includes(text[i + 1]!)) value += text[++i];
      else value += c;
    }
    words.push({ start: s, end: i, value });
  }
  return { words, truncated: false };
}

/**
 * An exec-form argument list: `["a", "b"]`, JSON with only strings. Returns the strings and the span of each string
 * literal, or undefined when the text is not such an array (the instruction is then in shell form, as in BuildKit).
 */
export function parseExecForm(text: string, from: number): { values: string[]; spans: Span[] } | undefined {
  let s = from;
  while (s < text.length && isBlank(text.charCodeAt(s))) s++;
  let e = text.length;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (text[s] !== '[' || text[e - 1] !== ']') return undefined;
  let values: unknown;
  try {
    values = JSON.parse(text.slice(s, e));
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined;
  // JSON.parse validated the shape, so the string literals in order are exactly the array's elements.
  const spans: Span[] = [];
  for (let i = s + 1; i < e && spans.length < values.length; i++) {
    if (text[i] !== '"') continue;
    const start = i;
    for (i++; i < e; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') break;
    }
    spans.push({ start, end: i + 1 });
  }
  return { values: values as string[], spans };
}

/** True when the text after the flags looks like an attempt at exec form (`[...]`) — for a warning when it is not JSON. */
export function looksLikeExecForm(text: string, from: number): boolean {
  const t = text.slice(from).trim();
  return t.startsWith('[') && t.endsWith(']');
}

export interface Flag {
  name: string;
  value: string;
  span: Span;
}

/** Leading `--name[=value]` words; returns them and the index where the rest of the instruction starts. */
export function parseFlags(text: string, from: number, escape: string): { flags: Flag[]; rest: number } {
  const flags: Flag[] = [];
  let i = from;
  const n = text.length;
  for (;;) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (!text.startsWith('--', i)) return { flags, rest: i };
    const { words } = splitQuoted(text, i, escape, 1);
    const w = words[0]!;
    if (w.value === '--') return { flags, rest: w.end };
    const eq = w.value.indexOf('=');
    flags.push({ name: eq === -1 ? w.value.slice(2) : w.value.slice(2, eq), value: eq === -1 ? '' : w.value.slice(eq + 1), span: { start: w.start, end: w.end } });
    i = w.end;
  }
}

/** `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`; unknown variables stay as `${VAR}`. */
export function expandVariables(word: string, vars: ReadonlyMap<string, string | null>, escape: string): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === escape && word[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    let name: string;
    let op = '';
    let arg = '';
    if (word[i + 1] === '{') {
      const close = word.indexOf('}', i + 2);
      if (close === -1) {
        out += word.slice(i);
        break;
      }
      const inner = word.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-+])?([\s\S]*)$/.exec(inner);
      if (!m || (m[2] === undefined && m[3] !== '')) {
        out += word.slice(i, close + 1);
        i = close;
        continue;
      }
      name = m[1]!;
      op = m[2] ?? '';
      arg = m[3] ?? '';
      i = close;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.slice(i + 1, i + 257));
      if (!m) {
        out += c;
        continue;
      }
      name = m[0];
      i += name.length;
    }
    const has = vars.has(name) && vars.get(name) !== null;
    const v = has ? vars.get(name)! : undefined;
    if (op === ':-' || op === '-') {
      const useDefault = op === ':-' ? v === undefined || v === '' : v === undefined;
      if (useDefault && !has && !vars.has(name)) {
        // Not declared at all: BuildKit uses the default, which is what a plain `docker build` gets.
        out += arg;
      } else if (useDefault && v === undefined) {
        unresolved.push(name);
        out += `\${${name}${op}${arg}}`;
      } else out += useDefault ? arg : v;
      continue;
    }
    if (op === ':+' || op === '+') {
      if (v === undefined) {
        if (vars.has(name)) {
          unresolved.push(name);
          out += `\${${name}${op}${arg}}`;
        }
      } else if (op === '+' || v !== '') out += arg;
      continue;
    }
    if (v === undefined) {
      unresolved.push(name);
      out += `\${${name}}`;
    } else out += v;
  }
  return { value: out, unresolved };
}
