import type { SourceLocator } from '../../core/config-object.js';
import type { DataPath, Location } from '../../core/location.js';
import type { Expr } from './ast.js';
import type { LineMap } from './lines.js';

/**
 * Where a piece of an evaluated value is written: an attribute (name to end of value), a block, an item of an object or
 * tuple literal. Children of a literal are derived from its expression on first use, so values that are never located
 * cost nothing. Values produced by count, for_each, dynamic blocks or modules point where their expression is written.
 */
export interface SrcNode {
  s: number;
  e: number;
  kids?: Map<string | number, SrcNode>;
  /** The expression the node's value came from, for children of object and tuple literals. */
  expr?: Expr;
  /** A location given directly (JSON documents), instead of the offsets `s`..`e`. */
  loc?: Location;
  /** JSON documents (plans, `.tf.json`): children are found through the document's own locator, on first use. */
  doc?: { locator: SourceLocator; path: DataPath };
}

export function kidOf(node: SrcNode, seg: string | number): SrcNode | undefined {
  const k = node.kids?.get(seg);
  if (k) return k;
  if (node.doc) {
    const path = [...node.doc.path, seg];
    const r = node.doc.locator.resolve(path);
    if (r.matched !== path.length) return undefined;
    const kid: SrcNode = { s: 0, e: 0, loc: r.location, doc: { locator: node.doc.locator, path } };
    (node.kids ??= new Map()).set(seg, kid);
    return kid;
  }
  if (!node.expr) return undefined;
  let e = node.expr;
  while (e.t === 'paren') e = e.e;
  const kids = (node.kids ??= new Map());
  node.expr = undefined;
  if (e.t === 'object') {
    for (const it of e.items) if (it.staticKey !== undefined && !kids.has(it.staticKey)) kids.set(it.staticKey, { s: it.r.start, e: it.r.end, expr: it.value });
  } else if (e.t === 'tuple') {
    e.items.forEach((it, i) => kids.set(i, { s: it.r.start, e: it.r.end, expr: it }));
  }
  return kids.get(seg);
}

export class HclLocator implements SourceLocator {
  constructor(
    private readonly lines: LineMap,
    private readonly root: SrcNode,
  ) {}

  resolve(path: DataPath): { location: Location; matched: number } {
    let node = this.root;
    let matched = 0;
    for (const seg of path) {
      const kid = kidOf(node, seg);
      if (!kid) break;
      node = kid;
      matched++;
    }
    return { location: node.loc ?? this.lines.location(node.s, node.e), matched };
  }

  locate(path: DataPath): Location {
    return this.resolve(path).location;
  }
}
