/** Terminal cell width of a string: wide East Asian characters and emoji take two cells, combining marks none. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

const MARK = /^[\p{Mn}\p{Me}]$/u;
const WIDE = /^[\p{Extended_Pictographic}\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]$/u;

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x300) return 1;
  // Combining marks, zero-width space/joiners and variation selectors take no cell.
  if (MARK.test(ch) || (cp >= 0x200b && cp <= 0x200d) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  // Pictographs below U+2000 (©, ®, ‼ …) are narrow unless followed by VS16; treat them as narrow.
  if (WIDE.test(ch)) return cp < 0x2000 ? 1 : 2;
  return 1;
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Greedy word wrap to `width` cells; words longer than a line are broken. Never returns an empty array. */
export function wrap(s: string, width: number): string[] {
  if (!Number.isFinite(width) || displayWidth(s) <= width) return [s];
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  for (const word of s.split(' ')) {
    const w = displayWidth(word);
    if (lineW > 0 && lineW + 1 + w <= width) {
      line += ` ${word}`;
      lineW += 1 + w;
      continue;
    }
    if (lineW > 0) lines.push(line);
    line = '';
    lineW = 0;
    if (w <= width) {
      line = word;
      lineW = w;
      continue;
    }
    for (const ch of word) {
      const cw = charWidth(ch);
      if (lineW + cw > width && lineW > 0) {
        lines.push(line);
        line = '';
        lineW = 0;
      }
      line += ch;
      lineW += cw;
    }
  }
  lines.push(line);
  return lines;
}
