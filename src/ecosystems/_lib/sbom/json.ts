import type { Location } from '../../../core/location.js';
import type { ParseIssue } from '../../../core/package.js';
import { err, ok, type Result } from '../../../core/result.js';

/** 1-based line and column of a UTF-16 offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export function pointAt(path: string, line: number, column = 1, length = 1): Location {
  return { path, startLine: line, startColumn: column, endLine: line, endColumn: column + length };
}

/**
 * JSON.parse with the syntax error located. V8's messages name the spot only sometimes (`at position N` in some versions,
 * a few characters of context in others), so on failure a small scanner finds the first offending character itself: the
 * user is sent to the broken byte, not to line 1.
 */
export function parseJson(text: string, path: string): Result<unknown, ParseIssue[]> {
  // A UTF-8 byte order mark is legal in files even though JSON.parse rejects it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return ok(JSON.parse(body) as unknown);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const offset = jsonErrorOffset(body);
    const where = positionAt(body, offset < 0 ? 0 : offset);
    const what = offset >= body.length ? 'unexpected end of input' : offset >= 0 ? `unexpected ${JSON.stringify(body.slice(offset, offset + 1))}` : message;
    return err([{ code: 'json-syntax', message: `not valid JSON: ${what}`, location: pointAt(path, where.line, where.column) }]);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 5_000;

/** Offset of the first character that makes `s` invalid JSON (RFC 8259), `s.length` when it ends early, -1 when valid. */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const ws = (): void => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const string = (): void => {
    i++;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = s[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(s[i + k] ?? '')) fail();
          i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) fail();
      }
      i++;
    }
    fail();
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (s[i] !== ch) fail();
      i++;
    }
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail();
    ws();
    const c = s[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (s[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (s[i] !== '"') fail();
          string();
          ws();
          if (s[i] !== ':') fail();
          i++;
        }
        value(depth + 1);
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === close) {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value(0);
    ws();
    if (i < s.length) fail();
    return -1;
  } catch (e) {
    if (e instanceof JsonStop) return Math.min(e.offset, s.length);
    throw e;
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
