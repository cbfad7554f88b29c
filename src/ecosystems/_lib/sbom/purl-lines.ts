import type { Location } from '../../../core/location.js';

/**
 * Where each purl string literal sits in the file, for packages' locations: a line scan for `"<key>": "<purl>"` instead of
 * a JSON parser with positions. Occurrences of one purl are handed out in file order, which is the order a depth-first
 * walk of the parsed document meets them when the key precedes nested lists (as every SBOM tool writes it); a purl that
 * cannot be found (odd escaping) falls back to line 1.
 */
export class PurlLines {
  private readonly spots = new Map<string, Location[]>();

  constructor(
    text: string,
    key: string,
    private readonly path: string,
  ) {
    const re = new RegExp(`"${key}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`, 'g');
    text.split('\n').forEach((line, i) => {
      if (!line.includes(`"${key}"`)) return;
      for (const m of line.matchAll(re)) {
        let value: string;
        try {
          value = JSON.parse(m[1]!) as string;
        } catch {
          continue;
        }
        const column = m.index! + m[0].length - m[1]!.length + 1;
        const loc: Location = { path, startLine: i + 1, startColumn: column, endLine: i + 1, endColumn: column + m[1]!.length };
        const list = this.spots.get(value);
        if (list) list.push(loc);
        else this.spots.set(value, [loc]);
      }
    });
  }

  /** The next unclaimed place this purl is written. */
  take(purl: string): Location {
    return this.spots.get(purl)?.shift() ?? { path: this.path, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  }
}
