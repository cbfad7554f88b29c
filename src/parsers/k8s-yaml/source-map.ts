import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { DataPath, Location } from '../../core/location.js';
import type { SourceLocator } from './types.js';

/**
 * Turns a data path into a line/column range inside the original text. A path that does not exist (a missing field)
 * resolves to its nearest existing parent, which is where the fix goes.
 */
export class SourceMap implements SourceLocator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly file: string,
  ) {}

  /** Returns the location and how many segments of `path` exist in the document. */
  resolve(path: DataPath): { location: Location; matched: number } {
    let node: unknown = this.doc.contents;
    let range: [number, number] = this.docRange();
    let matched = 0;
    for (const seg of path) {
      node = this.deref(node);
      if (isMap(node)) {
        // The last pair wins on duplicate keys, as it does in the decoded value.
        const pair = node.items.findLast((p) => isPair(p) && keyOf(p) === String(seg));
        if (!pair) break;
        range = pairRange(pair as Pair<Node, Node | null>, range);
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item || !item.range) break;
        range = collectionAware(item);
        node = item;
      } else break;
      matched++;
    }
    return { location: this.toLocation(range), matched };
  }

  locate(path: DataPath): Location {
    return this.resolve(path).location;
  }

  private deref(node: unknown): unknown {
    // Aliases are bounded by the loader (maxAliasCount); resolving one here is a single lookup.
    if (isAlias(node)) return node.resolve(this.doc);
    return node;
  }

  private docRange(): [number, number] {
    const c = this.doc.contents as Node | null;
    if (c?.range) return collectionAware(c);
    const r = this.doc.range;
    return [r[0], r[0]];
  }

  private toLocation([start, end]: [number, number]): Location {
    const s = this.lines.linePos(start);
    const e = this.lines.linePos(Math.max(start, end));
    return { path: this.file, startLine: s.line, startColumn: s.col, endLine: e.line, endColumn: e.col };
  }
}

function keyOf(p: Pair): string | undefined {
  const k = p.key as unknown;
  if (isScalar(k)) return String(k.value);
  if (typeof k === 'string') return k;
  return undefined;
}

/** A scalar value spans key-to-value-end; a block value spans only its key, so an editor highlights one line. */
function pairRange(pair: Pair<Node, Node | null>, fallback: [number, number]): [number, number] {
  const key = pair.key;
  const start = key?.range?.[0] ?? fallback[0];
  const value = pair.value;
  if (value && isScalar(value) && value.range) return [start, value.range[1]];
  if (key?.range) return [start, key.range[1]];
  return fallback;
}

/** For a collection, highlight its first line only; for a scalar, the whole scalar. */
function collectionAware(node: Node): [number, number] {
  const r = node.range!;
  if (isScalar(node)) return [r[0], r[1]];
  if ((isMap(node) || isSeq(node)) && node.items.length > 0) {
    const first = node.items[0] as unknown;
    if (isPair(first)) return pairRange(first as Pair<Node, Node | null>, [r[0], r[0]]);
    const n = first as Node;
    if (n?.range) return [r[0], isScalar(n) ? n.range[1] : n.range[0]];
  }
  return [r[0], r[1]];
}
