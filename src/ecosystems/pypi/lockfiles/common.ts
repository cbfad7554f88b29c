import type { ParseIssue } from '../../../core/package.js';
import type { Location } from '../../../core/location.js';

// Helpers shared by this folder's parsers. cargo/, rubygems/ and packagist/ keep their own small copies so that no
// ecosystem imports another; promote to src/ecosystems/_lib/ if a third copy appears.

export function loc(path: string, line: number, column = 1, endColumn = column): Location {
  return { path, startLine: line, startColumn: column, endLine: line, endColumn };
}

export function issue(code: string, message: string, path: string, line = 1, column = 1, endColumn = column): ParseIssue {
  return { code, message, location: loc(path, line, column, endColumn) };
}

/** A file with NUL bytes or mostly U+FFFD (what invalid UTF-8 decodes to) is no text lockfile: say so before any parser sees it. */
export function binaryIssue(text: string, path: string): ParseIssue | undefined {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = lineOfOffset(text, nul);
    return issue('binary', 'file contains NUL bytes: not a text lockfile', path, line.line, line.column);
  }
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) bad++;
  if (sample.length > 0 && bad / sample.length > 0.1) return issue('binary', 'file is not valid UTF-8 text', path);
  return undefined;
}

export function isBlank(text: string): boolean {
  return /^\s*$/.test(text);
}

export function lineOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The message of whatever a third-party parser threw (smol-toml, JSON.parse, a RangeError from deep nesting). */
export function errorText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  // Parser messages can quote a whole (huge) line back; keep the report readable.
  const first = m.split('\n')[0] ?? m;
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
}

/** smol-toml's errors carry 1-based `line`/`column`; others do not. */
export function errorPosition(e: unknown): { line: number; column: number } {
  const o = e as { line?: unknown; column?: unknown };
  return typeof o?.line === 'number' && typeof o?.column === 'number' ? { line: o.line, column: o.column } : { line: 1, column: 1 };
}

export interface TomlEntryLine {
  /** Line of the `[[table]]` header. */
  header: number;
  /** Line and column of the entry's `name = …` key, when the entry has one before any sub-table. */
  name?: { line: number; column: number; endColumn: number };
}

/**
 * The source lines of every `[[table]]` entry, in order. smol-toml gives values but no positions; lockfile writers put one
 * header per line, so the n-th header found here is the n-th element of the parsed array.
 */
export function tomlArrayTableLines(text: string, table: string): TomlEntryLine[] {
  const out: TomlEntryLine[] = [];
  const header = new RegExp(`^\\s*\\[\\[\\s*${table.replace(/[.]/g, '\\.')}\\s*\\]\\]\\s*(#.*)?$`);
  const lines = splitLines(text);
  let current: TomlEntryLine | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (header.test(l)) {
      current = { header: i + 1 };
      out.push(current);
      continue;
    }
    // Any other table header ends the part of the entry where its own keys live.
    if (/^\s*\[/.test(l)) {
      current = undefined;
      continue;
    }
    if (current && !current.name) {
      const m = /^(\s*)name\s*=/.exec(l);
      if (m) current.name = { line: i + 1, column: m[1]!.length + 1, endColumn: l.length + 1 };
    }
  }
  return out;
}

/** Where a `[[table]]` entry is declared: its `name = …` line, else its header. */
export function tomlEntryLocation(path: string, entry: TomlEntryLine | undefined): Location {
  if (!entry) return loc(path, 1);
  if (entry.name) return loc(path, entry.name.line, entry.name.column, entry.name.endColumn);
  return loc(path, entry.header);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
