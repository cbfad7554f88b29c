import type { Location } from '../../../core/location.js';
import type { ParseIssue } from '../../../core/package.js';
import { err, ok, type Result } from '../../../core/result.js';
import { parseJsonWithPositions } from '../json-positions.js';

export function pointAt(path: string, line: number, column = 1, length = 1): Location {
  return { path, startLine: line, startColumn: column, endLine: line, endColumn: column + length };
}

/**
 * JSON.parse with the syntax error located. V8's messages name the spot only sometimes (`at position N` in some versions,
 * a few characters of context in others), so on failure the positioned reader reads the text again: the user is sent to
 * the broken byte, not to line 1.
 */
export function parseJson(text: string, path: string): Result<unknown, ParseIssue[]> {
  // A UTF-8 byte order mark is legal in files even though JSON.parse rejects it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return ok(JSON.parse(body) as unknown);
  } catch (e) {
    const located = parseJsonWithPositions(body, { maxDepth: MAX_DEPTH });
    // Both readers should agree; if they do not, still refuse the file, with V8's message.
    const { message, line, column } = located.ok ? { message: e instanceof Error ? e.message : String(e), line: 1, column: 1 } : located.error;
    return err([{ code: 'json-syntax', message: `not valid JSON: ${message}`, location: pointAt(path, line, column) }]);
  }
}

// A document JSON.parse refused may nest past V8's stack; past this depth the re-read reports the nesting itself.
const MAX_DEPTH = 5_000;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
