import type { Location } from '../../core/location.js';
import type { CelSourcePosition } from './environment.js';

/**
 * The file location of a position inside a CEL expression written as a YAML value. The source map locates the
 * `expression: …` entry (from its key); this finds where the value starts on that line and adds the position inside the
 * expression, for plain and quoted one-line values and for `|` block scalars (the usual ways to write CEL in YAML).
 * Folded and multi-line plain scalars change line breaks, so there only the value's start is exact.
 */
export function locateInExpression(entry: Location, lineAt: (line: number) => string | undefined, expression: string, pos: CelSourcePosition | undefined): Location {
  const line = lineAt(entry.startLine);
  if (line === undefined) return entry;
  const valueStart = valueColumn(line, entry.startColumn);
  if (valueStart === undefined) return entry;
  const at = (l: number, c: number, width = 1): Location => ({ path: entry.path, startLine: l, startColumn: c, endLine: l, endColumn: c + width });
  const indicator = line[valueStart - 1];
  const col = pos?.column ?? 1;
  const exprLine = pos?.line ?? 1;
  if (indicator === '|' || indicator === '>') {
    // Block scalar: content starts on the next line, at the block's indentation.
    const first = lineAt(entry.startLine + 1);
    if (first === undefined) return entry;
    const indent = first.length - first.trimStart().length;
    if (indicator === '>' && exprLine > 1) return at(entry.startLine + 1, indent + 1);
    const targetLine = entry.startLine + exprLine;
    return at(targetLine, indent + col);
  }
  if (exprLine > 1 || expression.includes('\n')) return at(entry.startLine, valueStart);
  const quoted = indicator === '"' || indicator === "'";
  return at(entry.startLine, valueStart + (quoted ? 1 : 0) + col - 1);
}

/** 1-based column where the value of the `key: value` entry starting at `keyColumn` begins, if it is on that line. */
function valueColumn(line: string, keyColumn: number): number | undefined {
  let i = keyColumn - 1;
  if (line[i] === '-' && line[i + 1] === ' ') i += 2;
  if (line[i] === '"' || line[i] === "'") {
    const q = line[i]!;
    i++;
    while (i < line.length && line[i] !== q) i += line[i] === '\\' && q === '"' ? 2 : 1;
    i++;
  } else {
    while (i < line.length && !(line[i] === ':' && (line[i + 1] === ' ' || line[i + 1] === undefined))) i++;
  }
  if (line[i] !== ':') return undefined;
  i++;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (i >= line.length || line[i] === '#') return undefined;
  return i + 1;
}

/** Line lookup over a whole file's text. */
export function linesOf(text: string): (line: number) => string | undefined {
  const lines = text.split(/\r?\n/);
  return (n) => lines[n - 1];
}
