/**
 * Comment suppressions in Terraform files: Palisade's own (`# palisade:ignore=PAL-TF-0001 reason expires=2026-12-31`),
 * Trivy's and tfsec's (`#trivy:ignore:AVD-AWS-0086:exp:2026-01-01`, `#tfsec:ignore:aws-s3-enable-versioning`) on the
 * lines directly above a resource, attribute or nested block, and Checkov's (`#checkov:skip=CKV_AWS_18:reason`)
 * anywhere inside a resource block, as each tool defines them.
 */
import type { InlineSuppression } from '../../core/config-object.js';
import type { Comment } from './ast.js';
import type { LineMap } from './lines.js';

type Parsed = Omit<InlineSuppression, 'pathPrefix' | 'location'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The suppressions one comment holds (a comment may carry several trivy/tfsec ignores). */
export function parseSuppressionComment(text: string): Parsed[] {
  const body = text.replace(/^\s*(?:#|\/\/|\/\*)\s*/, '').replace(/\*\/\s*$/, '');
  const out: Parsed[] = [];
  const pal = /palisade:ignore=([\w.,:-]+)(.*)$/.exec(body);
  if (pal) {
    let rest = pal[2] ?? '';
    let expires: string | undefined;
    rest = rest.replace(/\bexpires=(\S+)/, (_m, d: string) => {
      if (DATE.test(d)) expires = d;
      return '';
    });
    const s: Parsed = { by: 'palisade-comment', ids: pal[1]!.split(',').filter((x) => x !== ''), reason: rest.trim() };
    if (expires) s.expires = expires;
    out.push(s);
  }
  const ck = /checkov:skip=([A-Za-z0-9_,]+)(?::\s*(.*))?/.exec(body);
  if (ck) out.push({ by: 'checkov-comment', ids: ck[1]!.split(',').filter((x) => x !== ''), reason: (ck[2] ?? '').trim() });
  // Trivy's conditional ignores (`[key=value]` parameters, `:ws:` workspaces) are not applied: they would over-suppress.
  const tr = /(?:trivy|tfsec):ignore:([A-Za-z0-9_*-]+)((?::(?:exp|ws):[^\s:]+)*)(\[[^\]]*\])?/g;
  let m: RegExpExecArray | null;
  while ((m = tr.exec(body)) !== null) {
    if (m[3] !== undefined || /:ws:/.test(m[2] ?? '')) continue;
    const exp = /:exp:(\d{4}-\d{2}-\d{2})/.exec(m[2] ?? '');
    const s: Parsed = { by: 'trivy-comment', ids: [m[1]!], reason: '' };
    if (exp) s.expires = exp[1]!;
    out.push(s);
  }
  return out;
}

const SUPPRESSION_HINT = /palisade:ignore|trivy:ignore|tfsec:ignore|checkov:skip/;

/** Comments of one file indexed by line, for "the lines directly above" lookups. */
export class CommentIndex {
  /** Comments alone on their line, by 0-based line index. */
  private readonly own = new Map<number, Comment>();
  /** Comments after code on the same line. */
  private readonly trailing = new Map<number, Comment>();
  private readonly sortedStarts: Comment[];

  constructor(
    comments: readonly Comment[],
    private readonly lines: LineMap,
  ) {
    this.sortedStarts = [...comments].sort((a, b) => a.start - b.start);
    this.hasSuppressions = this.sortedStarts.some((c) => SUPPRESSION_HINT.test(c.text));
    for (const c of this.sortedStarts) {
      const li = lines.lineIndex(c.start);
      const before = lines.text.slice(lines.lineStart(li), c.start);
      if (before.trim() === '') this.own.set(li, c);
      else this.trailing.set(li, c);
    }
  }

  /** Some comment of the file looks like a suppression (most files have none: their lookups are skipped). */
  readonly hasSuppressions: boolean;

  /**
   * Palisade/trivy suppressions on the comment lines directly above `start`'s line and at the end of that line.
   * `pathPrefix` is a function: formatting the path of every attribute of every resource would be wasted work.
   */
  above(start: number, pathPrefix: string | (() => string)): InlineSuppression[] {
    if (!this.hasSuppressions) return [];
    const li = this.lines.lineIndex(start);
    if (!this.own.has(li - 1) && !this.trailing.has(li)) return [];
    const prefix = typeof pathPrefix === 'string' ? pathPrefix : pathPrefix();
    const out: InlineSuppression[] = [];
    const add = (c: Comment): void => {
      for (const p of parseSuppressionComment(c.text)) {
        if (p.by === 'checkov-comment') continue;
        out.push({ ...p, pathPrefix: prefix, location: this.lines.location(c.start, c.end) });
      }
    };
    let first = li;
    while (first > 0 && this.own.has(first - 1)) first--;
    for (let l = first; l < li; l++) add(this.own.get(l)!);
    const t = this.trailing.get(li);
    if (t) add(t);
    return out;
  }

  /** Checkov skips anywhere inside [start, end) — they cover the whole resource. */
  checkovWithin(start: number, end: number): InlineSuppression[] {
    const out: InlineSuppression[] = [];
    if (!this.hasSuppressions) return out;
    const cs = this.sortedStarts;
    let lo = 0;
    let hi = cs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < cs.length; i++) {
      const c = cs[i]!;
      if (c.start >= end) break;
      if (!c.text.includes('checkov:skip=')) continue;
      for (const p of parseSuppressionComment(c.text)) if (p.by === 'checkov-comment') out.push({ ...p, pathPrefix: '', location: this.lines.location(c.start, c.end) });
    }
    return out;
  }
}
