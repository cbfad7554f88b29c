/**
 * Splits a YAML stream into documents without parsing it, so that a syntax error in one document (js-yaml aborts
 * the whole stream) leaves the others readable. A document marker is `---` or `...` at column 0 followed by a
 * space, a tab, a line break or the end of the text: the YAML spec forbids such a line inside any content (quoted
 * and block scalars and flow collections included), so it always ends the current document — the `yaml` library
 * splits at the same lines.
 *
 * Ranges follow the `yaml` library's `Document.range`, so `text()` and `startLine` stay the same: a document starts
 * at its `---` line, or (a bare document, without `---`) at the first line that holds something other than a comment,
 * a directive or white space; it ends at the next `---` line, after its `...` line, or at the end of the text.
 */
export interface DocumentChunk {
  /** Where js-yaml starts reading this document: comments and directives before it are included. */
  parseStart: number;
  /** `Document.range[0]` of the `yaml` library. */
  start: number;
  /** `Document.range[2]`: the end of the document's own text. */
  end: number;
  /** Offset just after the `---` that opens the document, or -1 for a bare document. */
  markerEnd: number;
}

function isBlankOrBreak(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Is there a `---`/`...` marker (given by its first char code) at `ls`, a line start? */
function markerAt(text: string, ls: number, c: number): boolean {
  if (text.charCodeAt(ls + 1) !== c || text.charCodeAt(ls + 2) !== c) return false;
  const after = ls + 3;
  return after >= text.length || isBlankOrBreak(text.charCodeAt(after));
}

/** Does the line [ls, le) hold document content (not only white space, a comment or a directive)? */
function hasContent(text: string, ls: number, le: number): boolean {
  if (text.charCodeAt(ls) === 0x25 /* % directive, only at column 0 */) return false;
  for (let p = ls; p < le; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0xfeff) continue;
    return c !== 0x23; /* # */
  }
  return false;
}

export function splitDocuments(text: string, from = 0): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let cur: DocumentChunk | null = null;
  let regionStart = from;
  let ls = from;
  const n = text.length;
  while (ls < n) {
    let le = text.indexOf('\n', ls);
    if (le === -1) le = n;
    const next = le + 1;
    const c = text.charCodeAt(ls);
    if (c === 0x2d /* - */ && markerAt(text, ls, c)) {
      if (cur) {
        cur.end = ls;
        chunks.push(cur);
        cur = { parseStart: ls, start: ls, end: n, markerEnd: ls + 3 };
      } else {
        cur = { parseStart: regionStart, start: ls, end: n, markerEnd: ls + 3 };
      }
    } else if (c === 0x2e /* . */ && markerAt(text, ls, c)) {
      const end = Math.min(next, n);
      // A `...` with no open document ends an empty one (the `yaml` library reads it so).
      if (cur) cur.end = end;
      else cur = { parseStart: regionStart, start: ls, end, markerEnd: -1 };
      chunks.push(cur);
      cur = null;
      regionStart = end;
    } else if (!cur && hasContent(text, ls, le)) {
      cur = { parseStart: regionStart, start: ls, end: n, markerEnd: -1 };
    }
    ls = next;
  }
  if (cur) chunks.push(cur);
  return chunks;
}
