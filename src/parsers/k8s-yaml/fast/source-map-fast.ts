import type { DataPath, Location } from '../../../core/location.js';
import type { SourceLocator } from '../types.js';
import { contentStart, Kind, keyText, valueEnd, type YNode } from './tree.js';

/** 1-based line/column of offsets, with the `yaml` library's `LineCounter` semantics (`\n` ends a line). */
export class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
    return starts;
  }

  linePos(offset: number): { line: number; col: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - starts[low - 1]! + 1 };
  }

  range(file: string, start: number, end: number): Location {
    const max = this.text.length;
    const s0 = Math.min(Math.max(0, start), max);
    const s = this.linePos(s0);
    const e = this.linePos(Math.min(Math.max(s0, end), max));
    return { path: file, startLine: s.line, startColumn: s.col, endLine: e.line, endColumn: e.col };
  }
}

/**
 * Resolves data paths over the fast parser's node tree with the rules of source-map.ts: the last of duplicate keys
 * wins, aliases are followed, a missing segment stops at the nearest existing parent, a scalar value spans
 * key-to-value-end and a collection value only its key.
 */
export class FastSourceMap implements SourceLocator {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly file: string,
    private readonly root: YNode,
    /** Where an empty document's null sits (just after its `---`). */
    private readonly emptyAt: number,
  ) {}

  resolve(path: DataPath): { location: Location; matched: number } {
    let node: YNode | null = this.root;
    let range = this.docRange();
    let matched = 0;
    for (const seg of path) {
      if (node && node.kind === Kind.Alias) node = node.target;
      if (!node) break;
      if (node.kind === Kind.Map) {
        const keys: YNode[] = node.children!;
        const want = String(seg);
        let i: number = keys.length - 1;
        while (i >= 0 && keyText(keys[i]!) !== want) i--;
        if (i < 0) break;
        const value: YNode | null = node.values![i]!;
        range = this.pairRange(keys[i]!, value);
        node = value;
      } else if (node.kind === Kind.Seq && typeof seg === 'number') {
        const item: YNode | undefined = node.children![seg];
        if (!item) break;
        range = this.collectionAware(item);
        node = item;
      } else break;
      matched++;
    }
    return { location: this.lines.range(this.file, range[0], range[1]), matched };
  }

  locate(path: DataPath): Location {
    return this.resolve(path).location;
  }

  private docRange(): [number, number] {
    if (this.root.kind === Kind.Empty) return [this.emptyAt, this.emptyAt];
    return this.collectionAware(this.root);
  }

  private pairRange(key: YNode, value: YNode | null): [number, number] {
    const start = contentStart(this.text, key);
    if (value && (value.kind === Kind.Scalar || value.kind === Kind.Empty)) return [start, valueEnd(this.text, value)];
    return [start, valueEnd(this.text, key)];
  }

  private collectionAware(node: YNode): [number, number] {
    const start = contentStart(this.text, node);
    if (node.kind === Kind.Map && node.children!.length > 0) return this.pairRange(node.children![0]!, node.values![0]!);
    if (node.kind === Kind.Seq && node.children!.length > 0) {
      const first = node.children![0]!;
      const isScalar = first.kind === Kind.Scalar || first.kind === Kind.Empty;
      return [start, isScalar ? valueEnd(this.text, first) : contentStart(this.text, first)];
    }
    return [start, valueEnd(this.text, node)];
  }
}
