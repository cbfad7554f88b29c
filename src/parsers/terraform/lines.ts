import type { Location } from '../../core/location.js';

/** Offset → 1-based line and column for one file, by binary search over line starts (computed once per file). */
export class LineMap {
  private readonly starts: number[];
  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.starts = starts;
  }

  /** 0-based line index of an offset. */
  lineIndex(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  line(offset: number): number {
    return this.lineIndex(offset) + 1;
  }

  column(offset: number): number {
    return offset - this.starts[this.lineIndex(offset)]! + 1;
  }

  lineStart(lineIndex: number): number {
    return this.starts[lineIndex] ?? this.text.length;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  location(start: number, end: number): Location {
    const sl = this.lineIndex(start);
    const el = end <= start ? sl : this.lineIndex(end);
    return {
      path: this.file,
      startLine: sl + 1,
      startColumn: start - this.starts[sl]! + 1,
      endLine: el + 1,
      endColumn: Math.max(end, start) - this.starts[el]! + 1,
    };
  }
}
