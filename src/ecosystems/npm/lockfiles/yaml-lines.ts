/**
 * Line lookups for the YAML lockfiles (pnpm-lock.yaml, yarn berry). js-yaml reads the values several times faster than
 * the position-aware `yaml` library; the positions we need are only those of block-mapping keys at one known indent,
 * which the package managers always write one per line, so a line scan finds them.
 */
import { YAMLException, FAILSAFE_SCHEMA, load } from 'js-yaml';
import type { Result } from '../../../core/result.js';
import { err, ok } from '../../../core/result.js';

export interface KeyLine {
  /** 1-based. */
  line: number;
  column: number;
  /** Column just past the key (and its quotes). */
  endColumn: number;
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  if (lines[0]?.charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  return lines;
}

/** The key of a `key:` / `key: value` line starting at `at`, with its end; undefined when the line is not a mapping key. */
export function readKey(line: string, at: number): { key: string; end: number } | undefined {
  const q = line[at];
  if (q === "'") {
    // Single-quoted: '' is a quote, nothing else is escaped.
    let key = '';
    let j = at + 1;
    for (;;) {
      const k = line.indexOf("'", j);
      if (k < 0) return undefined;
      key += line.slice(j, k);
      if (line[k + 1] === "'") {
        key += "'";
        j = k + 2;
        continue;
      }
      j = k + 1;
      break;
    }
    return line[j] === ':' ? { key, end: j } : undefined;
  }
  if (q === '"') {
    let j = at + 1;
    while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
    if (j >= line.length || line[j + 1] !== ':') return undefined;
    const raw = line.slice(at, j + 1);
    let key: string;
    try {
      key = JSON.parse(raw) as string;
    } catch {
      key = raw.slice(1, -1);
    }
    return { key, end: j + 1 };
  }
  if (q === undefined || q === ' ' || q === '#' || q === '-' || q === '?') return undefined;
  // Plain: the key ends at the first ': ' or at a ':' ending the line.
  let j = line.indexOf(':', at);
  while (j >= 0 && j + 1 < line.length && line[j + 1] !== ' ' && line[j + 1] !== '\t') j = line.indexOf(':', j + 1);
  if (j < 0) return undefined;
  return { key: line.slice(at, j).trimEnd(), end: j };
}

/** Positions of the mapping keys written at exactly `indent` spaces in lines [from, to) (0-based indexes). */
export function keyLines(lines: readonly string[], from: number, to: number, indent: number): Map<string, KeyLine> {
  const out = new Map<string, KeyLine>();
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (l.length <= indent || l.charCodeAt(indent) === 32) continue;
    let k = 0;
    while (k < indent && l.charCodeAt(k) === 32) k++;
    if (k !== indent) continue;
    const r = readKey(l, indent);
    if (r) out.set(r.key, { line: i + 1, column: indent + 1, endColumn: r.end + 1 });
  }
  return out;
}

/** The 0-based index of the `name:` line at column 1 in [from, to), and the index where its block ends. */
export function topLevelSection(lines: readonly string[], from: number, to: number, name: string): { start: number; end: number } | undefined {
  let start = -1;
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    const c = l.charCodeAt(0);
    if (l === '' || c === 32 || c === 35 /* # */ || c === 9) continue;
    if (start >= 0) return { start, end: i };
    const r = readKey(l, 0);
    if (r?.key === name) start = i;
  }
  return start >= 0 ? { start, end: to } : undefined;
}

export interface YamlDocumentText {
  /** 0-based index of the document's first line in the file. */
  firstLine: number;
  /** One past its last line. */
  endLine: number;
  text: string;
}

/**
 * Splits a YAML stream at `---` / `...` marker lines. The YAML spec forbids such a line inside any content, so the split
 * needs no parse; documents that hold only comments and blank lines are dropped.
 */
export function splitYamlDocuments(lines: readonly string[]): YamlDocumentText[] {
  const docs: YamlDocumentText[] = [];
  let start = 0;
  const flush = (end: number, next: number): void => {
    const body = lines.slice(start, end);
    if (body.some((l) => { const t = l.trim(); return t !== '' && !t.startsWith('#') && !t.startsWith('%') && !/^---(?:\s|$)/.test(l); })) {
      docs.push({ firstLine: start, endLine: end, text: body.join('\n') });
    }
    start = next;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^---(?:\s|$)/.test(l) && i > start) flush(i, i);
    else if (/^\.\.\.(?:\s|$)/.test(l)) flush(i, i + 1);
  }
  flush(lines.length, lines.length);
  return docs;
}

export interface YamlError {
  message: string;
  line: number;
  column: number;
}

/**
 * Loads one document with every scalar as a string (the failsafe schema): a version such as `1.10` must stay `1.10`,
 * not become the number 1.1. `lineOffset` turns js-yaml's document-relative mark into a file line.
 */
export function loadYaml(text: string, lineOffset: number): Result<unknown, YamlError> {
  try {
    return ok(load(text, { schema: FAILSAFE_SCHEMA }));
  } catch (e) {
    if (e instanceof YAMLException) {
      return err({ message: e.reason || e.message, line: (e.mark?.line ?? 0) + 1 + lineOffset, column: (e.mark?.column ?? 0) + 1 });
    }
    // js-yaml signals some limits (nesting) with plain errors.
    return err({ message: e instanceof Error ? e.message : String(e), line: lineOffset + 1, column: 1 });
  }
}
