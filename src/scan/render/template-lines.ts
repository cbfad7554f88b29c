import type { DataPath, Location } from '../../core/location.js';

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template's lines, searched for keys; built once per template file. */
export class TemplateText {
  readonly lines: string[];
  constructor(text: string) {
    this.lines = text.split(/\r?\n/);
  }

  /** First line at or after `from` holding `key:` as a YAML key (plain, quoted, or after a list dash). */
  private findKey(key: string, from: number): { line: number; col: number } | undefined {
    const re = new RegExp(`^(\\s*(?:-\\s+)?)(["']?)${esc(key)}\\2\\s*:(\\s|$)`);
    for (let i = from; i < this.lines.length; i++) {
      const m = re.exec(this.lines[i]!);
      if (m) return { line: i, col: m[1]!.length };
    }
    return undefined;
  }

  /** Line of `kind: <kind>` (the nth such line when a template renders several objects of one kind), or undefined. */
  kindLine(kind: string, nth = 0): number | undefined {
    const re = new RegExp(`^\\s*kind:\\s*["']?${esc(kind)}["']?\\s*(#.*)?$`);
    let seen = 0;
    for (let i = 0; i < this.lines.length; i++) {
      if (re.test(this.lines[i]!)) {
        if (seen === nth) return i;
        seen++;
      }
    }
    return nth > 0 ? this.kindLine(kind, 0) : undefined;
  }

  /**
   * The best honest line for a rendered data path: the rendered line does not exist in a template, so the keys of the
   * path are looked up in order from the object's `kind:` line (each after the previous); failing that the last key
   * alone, then the `kind:` line, then line 1. Array indexes are not counted (a template's loop has one line for them all).
   */
  locate(file: string, path: DataPath, kind: string, nth = 0): Location {
    const start = this.kindLine(kind, nth);
    const keys = path.filter((s): s is string => typeof s === 'string');
    const at = (line: number, col: number, len: number): Location => ({ path: file, startLine: line + 1, startColumn: col + 1, endLine: line + 1, endColumn: col + 1 + len });
    if (keys.length > 0) {
      let from = start ?? 0;
      let deepest: { line: number; col: number; key: string } | undefined;
      let complete = true;
      for (const k of keys) {
        const hit = this.findKey(k, from);
        if (!hit) {
          complete = false;
          break;
        }
        deepest = { ...hit, key: k };
        from = hit.line + 1;
      }
      if (complete && deepest) return at(deepest.line, deepest.col, deepest.key.length);
      const last = keys[keys.length - 1]!;
      const alone = this.findKey(last, start ?? 0) ?? this.findKey(last, 0);
      if (alone) return at(alone.line, alone.col, last.length);
      // The value came from a helper or `toYaml .Values…`: the deepest key the template does spell out.
      if (deepest) return at(deepest.line, deepest.col, deepest.key.length);
    }
    if (start !== undefined) {
      const col = this.lines[start]!.search(/\S/);
      return at(start, col < 0 ? 0 : col, 4);
    }
    return { path: file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  }
}
