import { LineCounter, parseAllDocuments, isMap, isSeq, type Document } from 'yaml';
import type { Location } from '../../core/location.js';
import { SourceMap } from './source-map.js';
import { DEFAULT_PARSE_LIMITS, type ParseIssue, type ParsedDocument, type ParseLimits, type ParseResult } from './types.js';

export type { ParseIssue, ParsedDocument, ParseResult, ParseLimits } from './types.js';
export { DEFAULT_PARSE_LIMITS } from './types.js';

/**
 * Reference parser on the `yaml` library (the product uses the faster js-yaml front end in fast/, which is tested
 * against this one over the real corpus). Parses a multi-document YAML (or JSON) text. A broken document becomes an error with its location;
 * the other documents of the same file are still returned.
 */
export function parseYamlDocuments(text: string, file: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParseResult {
  const lines = new LineCounter();
  // YAML 1.1: Kubernetes' decoder reads `yes`/`on` as booleans and honours `<<` merge keys.
  const docs = parseAllDocuments(text, { lineCounter: lines, version: '1.1', merge: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const documents: ParsedDocument[] = [];
  const errors: ParseIssue[] = [];
  const warnings: ParseIssue[] = [];
  const at = (offset: number): Location => {
    const p = lines.linePos(Math.min(Math.max(0, offset), text.length));
    return { path: file, startLine: p.line, startColumn: p.col, endLine: p.line, endColumn: p.col };
  };
  list.forEach((doc: Document.Parsed, index) => {
    if (doc.errors.length > 0) {
      // Duplicate keys: decoders that kubectl uses keep the last value; we check that value and warn, so the document
      // is not silently skipped. Any other syntax error makes the document unusable.
      const fatal = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
      for (const e of doc.errors) {
        const issue: ParseIssue =
          e.code === 'DUPLICATE_KEY'
            ? { code: 'duplicate-key', message: `${firstLine(e.message)}; the last value is used (kubectl rejects this with strict validation)`, location: at(e.pos[0]) }
            : { code: 'yaml-syntax', message: firstLine(e.message), location: at(e.pos[0]) };
        (issue.code === 'duplicate-key' ? warnings : errors).push(issue);
      }
      if (fatal.length > 0) return;
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
  return { documents, errors, warnings };
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
