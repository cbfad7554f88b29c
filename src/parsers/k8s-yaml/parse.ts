import { LineCounter, parseAllDocuments, isMap, isSeq, type Document } from 'yaml';
import type { Location } from '../../core/location.js';
import { SourceMap } from './source-map.js';

export interface ParseIssue {
  code: 'yaml-syntax' | 'alias-bomb' | 'too-deep' | 'not-an-object';
  message: string;
  location: Location;
}

export interface ParsedDocument {
  /** 0-based position of the document in the file. */
  index: number;
  /** The plain JavaScript value (YAML 1.1 semantics, as kubectl reads it). */
  value: unknown;
  source: SourceMap;
  /** Line of the document start, for documents without contents. */
  startLine: number;
  /** The document's own source text (comments included), read lazily: peer suppression comments live there. */
  text(): string;
}

export interface ParseResult {
  documents: ParsedDocument[];
  errors: ParseIssue[];
}

export interface ParseLimits {
  /** Alias dereferences allowed per document before it is treated as an alias bomb ("billion laughs"). */
  maxAliasCount: number;
  /** Maximum nesting depth of a document. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxAliasCount: 1000, maxDepth: 256 };

/**
 * Parses a multi-document YAML (or JSON) text. A broken document becomes an error with its location;
 * the other documents of the same file are still returned.
 */
export function parseYamlDocuments(text: string, file: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  const lines = new LineCounter();
  // YAML 1.1: Kubernetes' decoder reads `yes`/`on` as booleans and honours `<<` merge keys.
  const docs = parseAllDocuments(text, { lineCounter: lines, version: '1.1', merge: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const documents: ParsedDocument[] = [];
  const errors: ParseIssue[] = [];
  const at = (offset: number): Location => {
    const p = lines.linePos(Math.min(Math.max(0, offset), text.length));
    return { path: file, startLine: p.line, startColumn: p.col, endLine: p.line, endColumn: p.col };
  };
  list.forEach((doc: Document.Parsed, index) => {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        errors.push({ code: 'yaml-syntax', message: firstLine(e.message), location: at(e.pos[0]) });
      }
      return;
    }
    if (doc.contents === null) return;
    const depth = nestingDepth(doc.contents, limits.maxDepth + 1);
    if (depth > limits.maxDepth) {
      errors.push({ code: 'too-deep', message: `document nests deeper than ${limits.maxDepth} levels`, location: at(doc.range[0]) });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const bomb = /alias/i.test(message);
      errors.push({
        code: bomb ? 'alias-bomb' : 'yaml-syntax',
        message: bomb
          ? `document expands more than ${limits.maxAliasCount} aliases (YAML alias bomb); refusing to expand it`
          : firstLine(message),
        location: at(doc.range[0]),
      });
      return;
    }
    const [from, , to] = doc.range;
    documents.push({ index, value, source: new SourceMap(doc, lines, file), startLine: at(from).startLine, text: () => text.slice(from, to) });
  });
  return { documents, errors };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

/** Depth of the node tree, stopping early past `cap` so a hostile document costs at most `cap` levels of work. */
function nestingDepth(node: unknown, cap: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[node, 1]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (max >= cap) return max;
    if (isMap(n)) for (const p of n.items) stack.push([p.value, d + 1]);
    else if (isSeq(n)) for (const it of n.items) stack.push([it, d + 1]);
  }
  return max;
}
