/**
 * A JSON reader that keeps the line and column of every object key, for lockfiles whose packages must point at their entry.
 * `JSON.parse` is faster but forgets positions, and re-scanning its output for keys breaks on duplicate names at
 * different depths. The reader keeps its own stack (no recursion), so hostile nesting is an error result, never a stack
 * overflow; `jsonc` accepts the comments and trailing commas bun writes.
 */
import type { Result } from '../../core/result.js';
import { err, ok } from '../../core/result.js';

export interface JsonMember {
  readonly key: string;
  /** 1-based position of the key's opening quote. */
  readonly line: number;
  readonly column: number;
  /** Column just past the key's closing quote. */
  readonly endColumn: number;
  readonly value: JsonValue;
}

export class JsonObject {
  readonly members = new Map<string, JsonMember>();
  constructor(
    readonly line: number,
    readonly column: number,
  ) {}
  get(key: string): JsonValue | undefined {
    return this.members.get(key)?.value;
  }
}

export class JsonArray {
  readonly items: JsonValue[] = [];
  constructor(
    readonly line: number,
    readonly column: number,
  ) {}
}

export type JsonValue = string | number | boolean | null | JsonObject | JsonArray;

export interface JsonParseOptions {
  /** Accept `//` and `/* *\/` comments and a trailing comma before `}` or `]` (bun.lock, tsconfig-style files). */
  jsonc?: boolean;
  /** Objects and arrays nested deeper than this are an error; real lockfiles stay far below the default. */
  maxDepth?: number;
}

export interface JsonParsed {
  value: JsonValue;
  /** Members whose key repeats an earlier key of the same object; the later one wins, as in `JSON.parse`. */
  duplicates: JsonMember[];
}

export interface JsonSyntaxError {
  message: string;
  line: number;
  column: number;
}

export const DEFAULT_MAX_DEPTH = 1000;

class Frame {
  key = '';
  keyLine = 0;
  keyColumn = 0;
  keyEnd = 0;
  constructor(
    readonly object: JsonObject | undefined,
    readonly array: JsonArray | undefined,
  ) {}
}

class Fail {
  constructor(readonly error: JsonSyntaxError) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function describe(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const c = text.codePointAt(i)!;
  if (c < 0x20 || c === 0x7f) return `character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(c)}'`;
}

export function parseJsonWithPositions(text: string, options: JsonParseOptions = {}): Result<JsonParsed, JsonSyntaxError> {
  const jsonc = options.jsonc === true;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  // A byte order mark is not JSON, but editors on Windows add one; it is not part of any column.
  if (text.charCodeAt(0) === 0xfeff) {
    i = 1;
    lineStart = 1;
  }
  const duplicates: JsonMember[] = [];
  const stack: Frame[] = [];

  const fail = (message: string, at: number = i): Fail => {
    // Positions past a newline we have not counted yet cannot occur: `at` is always on the current line.
    return new Fail({ message, line, column: at - lineStart + 1 });
  };

  const skipSpace = (): Fail | undefined => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) i++;
      else if (c === 10) {
        i++;
        line++;
        lineStart = i;
      } else if (c === 47 && jsonc) {
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          while (i < n && text.charCodeAt(i) !== 10) i++;
        } else if (d === 42) {
          const startLine = line;
          const startCol = i - lineStart + 1;
          i += 2;
          for (;;) {
            if (i >= n) return new Fail({ message: 'comment is not closed with */ before the end of the file', line: startLine, column: startCol });
            const e = text.charCodeAt(i);
            if (e === 42 && text.charCodeAt(i + 1) === 47) {
              i += 2;
              break;
            }
            if (e === 10) {
              line++;
              lineStart = i + 1;
            }
            i++;
          }
        } else return undefined;
      } else return undefined;
    }
  };

  // Located at the opening quote: the string cannot have crossed a line, and that is where the reader should look.
  const unterminated = (at: number, quote: number): Fail =>
    fail(at >= n ? 'string is not closed before the end of the file' : text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13 ? 'string is not closed on its line' : 'string holds a raw control character (write it as an escape)', quote);

  const readString = (): string | Fail => {
    // i is at the opening quote
    const start = i + 1;
    let j = start;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 34) {
        i = j + 1;
        return text.slice(start, j);
      }
      if (c === 92) break;
      if (c < 32 || j >= n) {
        i = j;
        return unterminated(j, start - 1);
      }
      j++;
    }
    // Slow path: the string holds escapes.
    let out = text.slice(start, j);
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 34) {
        i = j + 1;
        return out;
      }
      if (j >= n || c < 32) {
        i = j;
        return unterminated(j, start - 1);
      }
      if (c !== 92) {
        out += text[j];
        j++;
        continue;
      }
      const e = text[j + 1];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = text.slice(j + 2, j + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            i = j;
            return fail('invalid \\u escape in string');
          }
          out += String.fromCharCode(parseInt(hex, 16));
          j += 4;
          break;
        }
        default:
          i = j;
          return fail(`invalid escape \\${e ?? ''} in string`);
      }
      j += 2;
    }
  };

  /** Reads `"key" :` for the object frame on top of the stack; leaves i at the value. */
  const readKey = (frame: Frame): Fail | undefined => {
    if (text.charCodeAt(i) !== 34) return fail(`expected a quoted property name, found ${describe(text, i)}`);
    frame.keyLine = line;
    frame.keyColumn = i - lineStart + 1;
    const key = readString();
    if (key instanceof Fail) return key;
    frame.key = key;
    frame.keyEnd = i - lineStart + 1;
    const f = skipSpace();
    if (f) return f;
    if (text.charCodeAt(i) !== 58) return fail(`expected ':' after property name "${key}", found ${describe(text, i)}`);
    i++;
    return undefined;
  };

  const unclosed = (): Fail => {
    const top = stack[stack.length - 1]!;
    const c = top.object ?? top.array!;
    const what = top.object ? 'object' : 'array';
    return fail(`unexpected end of file: the ${what} opened at line ${c.line}, column ${c.column} is not closed`);
  };

  const run = (): JsonValue | Fail => {
    let f: Fail | undefined;
    // Each turn of this loop reads one value, then attaches it to its parents, closing every container that ends after it.
    for (;;) {
      if ((f = skipSpace())) return f;
      const c = text.charCodeAt(i);
      let v: JsonValue;
      if (c === 123 || c === 91) {
        if (stack.length >= maxDepth) return fail(`objects and arrays are nested deeper than ${maxDepth} levels`);
        const openLine = line;
        const col = i - lineStart + 1;
        i++;
        if ((f = skipSpace())) return f;
        if (c === 123) {
          const o = new JsonObject(openLine, col);
          if (text.charCodeAt(i) === 125) {
            i++;
            v = o;
          } else {
            if (i >= n) {
              stack.push(new Frame(o, undefined));
              return unclosed();
            }
            const frame = new Frame(o, undefined);
            stack.push(frame);
            if ((f = readKey(frame))) return f;
            continue;
          }
        } else {
          const a = new JsonArray(openLine, col);
          if (text.charCodeAt(i) === 93) {
            i++;
            v = a;
          } else {
            stack.push(new Frame(undefined, a));
            continue;
          }
        }
      } else if (c === 34) {
        const s = readString();
        if (s instanceof Fail) return s;
        v = s;
      } else if (c === 116 && text.startsWith('true', i)) {
        i += 4;
        v = true;
      } else if (c === 102 && text.startsWith('false', i)) {
        i += 5;
        v = false;
      } else if (c === 110 && text.startsWith('null', i)) {
        i += 4;
        v = null;
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (!m) return fail(`invalid number`);
        i += m[0].length;
        v = Number(m[0]);
      } else if (i >= n) {
        return stack.length > 0 ? unclosed() : fail('the file is empty: expected a JSON value');
      } else {
        return fail(`expected a value, found ${describe(text, i)}`);
      }

      // Attach v, then keep closing containers while their closing bracket follows.
      for (;;) {
        const top = stack[stack.length - 1];
        if (!top) return v;
        if (top.object) {
          const m: JsonMember = { key: top.key, line: top.keyLine, column: top.keyColumn, endColumn: top.keyEnd, value: v };
          if (top.object.members.has(top.key)) duplicates.push(m);
          top.object.members.set(top.key, m);
        } else top.array!.items.push(v);
        if ((f = skipSpace())) return f;
        const close = top.object ? 125 : 93;
        let d = text.charCodeAt(i);
        if (d === 44) {
          i++;
          if ((f = skipSpace())) return f;
          d = text.charCodeAt(i);
          if (d !== close || !jsonc) {
            if (d === close) return fail(`trailing comma before ${describe(text, i)}`);
            if (top.object) {
              if (i >= n) return unclosed();
              if ((f = readKey(top))) return f;
            }
            break;
          }
        }
        if (d === close) {
          i++;
          stack.pop();
          v = (top.object ?? top.array)!;
          continue;
        }
        if (i >= n) return unclosed();
        return fail(`expected ',' or '${top.object ? '}' : ']'}' after ${top.object ? `the value of "${top.key}"` : 'an array item'}, found ${describe(text, i)}`);
      }
    }
  };

  const value = run();
  if (value instanceof Fail) return err(value.error);
  const f = skipSpace();
  if (f) return err(f.error);
  if (i < n) return err(fail(`unexpected ${describe(text, i)} after the end of the JSON value`).error);
  return ok({ value, duplicates });
}

export interface KeyPosition {
  line: number;
  column: number;
  endColumn: number;
}

export interface JsonWithKeys {
  /** What `JSON.parse` returns. */
  value: unknown;
  /** Position of every key whose parent key is one of the requested names, by its path of keys from the root joined with `\0`. */
  keys: Map<string, KeyPosition>;
}

/** Joins a path of object keys the way {@link parseJsonWithKeyPositions} keys its map. */
export function keyPath(path: readonly string[]): string {
  return path.join('\0');
}

// Strings (unrolled so the regex engine does not alternate per character), brackets and newlines: everything the
// position scan needs. Malformed input may confuse it, but then JSON.parse rejects the file before any position is used.
const TOKENS = /"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[{}[\]\n]/g;

/**
 * Fast path for large strict-JSON lockfiles: the engine's JSON.parse builds the values and a regex scan records where the
 * wanted keys are. Nesting is checked before JSON.parse runs, because V8 spends seconds on ten megabytes of `[`.
 * Any syntax error is re-read with {@link parseJsonWithPositions} so the message carries a line and column.
 */
export function parseJsonWithKeyPositions(text: string, parentKeys: ReadonlySet<string>, maxDepth = DEFAULT_MAX_DEPTH): Result<JsonWithKeys, JsonSyntaxError> {
  const keys = new Map<string, KeyPosition>();
  // stack[d] is the latest key seen in the container at depth d, or undefined inside arrays.
  const stack: (string | undefined)[] = [undefined];
  let depth = 0;
  let line = 1;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  TOKENS.lastIndex = 0;
  let m: RegExpExecArray | null;
  let tooDeep = false;
  while ((m = TOKENS.exec(text)) !== null) {
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c === 34) {
      let j = TOKENS.lastIndex;
      let d = text.charCodeAt(j);
      while (d === 32 || d === 9 || d === 13) d = text.charCodeAt(++j);
      if (d !== 58) continue;
      const raw = m[0];
      let key: string;
      try {
        key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      } catch {
        continue;
      }
      stack[depth] = key;
      const parent = stack[depth - 1];
      if (parent !== undefined && parentKeys.has(parent)) {
        let path = '';
        let complete = true;
        for (let k = 1; k <= depth; k++) {
          const s = stack[k];
          if (s === undefined) {
            complete = false;
            break;
          }
          path = k === 1 ? s : `${path}\0${s}`;
        }
        if (complete) keys.set(path, { line, column: at - lineStart + 1, endColumn: at - lineStart + 1 + raw.length });
      }
    } else if (c === 10) {
      line++;
      lineStart = at + 1;
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth > maxDepth) {
        tooDeep = true;
        break;
      }
      // Arrays hold no keys: undefined marks every path through them as not wanted.
      stack[depth] = c === 123 ? '' : undefined;
    } else if (depth > 0) depth--;
  }
  if (!tooDeep) {
    try {
      return ok({ value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown, keys });
    } catch (e) {
      const slow = parseJsonWithPositions(text, { maxDepth });
      if (!slow.ok) return slow;
      // Both readers should agree; if they do not, still refuse the file rather than guess.
      return err({ message: e instanceof Error ? e.message : String(e), line: 1, column: 1 });
    }
  }
  const slow = parseJsonWithPositions(text, { maxDepth });
  if (!slow.ok) return slow;
  return err({ message: `objects and arrays are nested deeper than ${maxDepth} levels`, line, column: 1 });
}
