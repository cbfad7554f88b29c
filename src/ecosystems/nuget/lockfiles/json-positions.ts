/**
 * A strict JSON (RFC 8259) reader that also records where each object member's key starts, so lockfile entries get
 * lines and columns. JSON.parse gives neither positions nor, on error, a portable location.
 */
import { err, ok, type Result } from '../../../core/result.js';

export interface Pos {
  line: number;
  column: number;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface PositionedJson {
  value: JsonValue;
  /** For every object in `value`: the position of each key's opening quote. */
  keyPositions: WeakMap<JsonObject, Map<string, Pos>>;
}

/** Nesting deeper than this is hostile; lockfiles nest five levels. Keeps the recursion off the stack limit. */
const MAX_DEPTH = 512;

export function parseJsonWithPositions(text: string): Result<PositionedJson, { message: string; pos: Pos }> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  const keyPositions = new WeakMap<JsonObject, Map<string, Pos>>();
  const pos = (): Pos => ({ line, column: i - lineStart + 1 });

  class JsonError extends Error {
    constructor(
      message: string,
      readonly at: Pos,
    ) {
      super(message);
    }
  }
  const fail = (message: string): never => {
    throw new JsonError(message, pos());
  };

  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0d) i++;
      else if (c === 0x0a) {
        i++;
        line++;
        lineStart = i;
      } else return;
    }
  };

  const str = (): string => {
    // Caller has checked the opening quote.
    i++;
    let out = '';
    let from = i;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(from, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        out += text.slice(from, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('invalid escape in string');
        from = i;
        continue;
      }
      i++;
    }
  };

  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: JsonObject = {};
      const keys = new Map<string, Pos>();
      keyPositions.set(obj, keys);
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a string key');
        const at = pos();
        const k = str();
        ws();
        if (text[i] !== ':') fail("expected ':' after key");
        i++;
        const v = value(depth + 1);
        // Object.defineProperty: a key named __proto__ must become data, not the prototype.
        Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
        keys.set(k, at);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail(i >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(text[i])}`);
    i += m![0].length;
    const t = m![0];
    return t === 'true' ? true : t === 'false' ? false : t === 'null' ? null : Number(t);
  };

  try {
    const v = value(0);
    ws();
    if (i < text.length) fail('unexpected content after the JSON value');
    return ok({ value: v, keyPositions });
  } catch (e) {
    if (e instanceof JsonError) return err({ message: e.message, pos: e.at });
    throw e;
  }
}

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
