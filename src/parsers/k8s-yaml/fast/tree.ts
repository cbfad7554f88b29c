import type { LoaderState } from 'js-yaml';
import { MERGE_TAG } from './schema.js';

/**
 * A light node tree rebuilt from js-yaml's `listener` events: every `composeNode` call of the loader opens and closes
 * one event pair, in document order, so children close before their parent. js-yaml also fires events for reads it
 * tries and then abandons (a block mapping attempt that turns out to be a scalar, a sequence item read first as a
 * mapping key); `close` sorts those out with the node kind and result the loader reports.
 */

export const Kind = {
  Scalar: 1,
  Map: 2,
  Seq: 3,
  Alias: 4,
  /** No content (`key:` with nothing after it); the `yaml` library makes it a null scalar. */
  Empty: 5,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export class YNode {
  kind: Kind = Kind.Empty;
  /** Offset where js-yaml started reading the node (may be before white space, comments and properties). */
  readonly open: number;
  /** Offset where js-yaml stopped reading (may be after trailing white space). */
  close = 0;
  /** Offset of the content, after white space and properties (`&anchor`, `!tag`); computed on demand. */
  start = -1;
  /** Offset just after the value (scalars) or the closing bracket (flow collections); computed on demand. */
  end = -1;
  /** Raw children while reading; then map keys/values or sequence items. */
  children: YNode[] | null = null;
  /** Map values, parallel to `children` (the keys); null when a flow pair has no value. */
  values: (YNode | null)[] | null = null;
  result: unknown = null;
  anchor: string | null = null;
  /** A plain `<<` key. */
  merge = false;
  /** Alias: the anchored node it refers to (null when undefined). */
  target: YNode | null = null;
  keyText: string | undefined | null = null;

  constructor(open: number) {
    this.open = open;
  }
}

export interface DuplicateKey {
  offset: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isWs(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}
function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

/** Skips white space, line breaks and comments from `p`. */
export function skipSpace(text: string, p: number): number {
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (isWs(c)) p++;
    else if (c === 0x23 /* # */) {
      while (p < n && text.charCodeAt(p) !== LF && text.charCodeAt(p) !== CR) p++;
    } else break;
  }
  return p;
}

/** Offset of a node's content: after white space, comments, `&anchor` and `!tag` properties. */
export function contentStart(text: string, node: YNode): number {
  if (node.start >= 0) return node.start;
  const n = text.length;
  let p = skipSpace(text, node.open);
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 0x26 /* & */) {
      p++;
      while (p < n && !isWs(text.charCodeAt(p)) && !isFlowIndicator(text.charCodeAt(p))) p++;
    } else if (c === 0x21 /* ! */) {
      if (text.charCodeAt(p + 1) === 0x3c /* < */) {
        const q = text.indexOf('>', p);
        p = q === -1 ? n : q + 1;
      } else {
        while (p < n && !isWs(text.charCodeAt(p))) p++;
      }
    } else break;
    p = skipSpace(text, p);
  }
  node.start = Math.min(p, n);
  return node.start;
}

/** Offset just after a node's value, the way the `yaml` library's `range[1]` reads. */
export function valueEnd(text: string, node: YNode): number {
  if (node.end >= 0) return node.end;
  let end: number;
  if (node.kind === Kind.Empty) end = node.open;
  else if (node.kind === Kind.Scalar) {
    const s = contentStart(text, node);
    const c = text.charCodeAt(s);
    let q = Math.min(node.close, text.length);
    if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      // Block scalar: through the line break of its last content line (keep-chomping `|+`: through the trailing
      // empty lines, up to the line where js-yaml stopped).
      let keep = false;
      for (let p = s + 1; p < text.length; p++) {
        const h = text.charCodeAt(p);
        if (h === 0x2b /* + */) keep = true;
        else if (h !== 0x2d && !(h >= 0x30 && h <= 0x39)) break;
      }
      if (keep) {
        while (q > s && text.charCodeAt(q - 1) === SPACE) q--;
        end = q;
      } else {
        while (q > s && isWs(text.charCodeAt(q - 1))) q--;
        const lf = text.indexOf('\n', q);
        end = lf === -1 ? text.length : lf + 1;
      }
    } else {
      // Plain and quoted scalars end on a non-blank character; js-yaml may stop after blanks, breaks or before a comment.
      while (q > s && isWs(text.charCodeAt(q - 1))) q--;
      end = q;
    }
  } else if (node.kind === Kind.Alias) {
    const s = contentStart(text, node);
    let p = s + 1;
    while (p < text.length && !isWs(text.charCodeAt(p)) && !isFlowIndicator(text.charCodeAt(p))) p++;
    end = p;
  } else {
    end = Math.min(node.close, text.length);
  }
  node.end = end;
  return end;
}

/**
 * Where the `yaml` library puts the null of a node without content: just after its last property (`a: &x`), else
 * where js-yaml started reading it (just after the `:` of `a:`).
 */
function emptyPosition(text: string, open: number): number {
  const n = text.length;
  let at = open;
  for (;;) {
    let p = skipSpace(text, at);
    const c = text.charCodeAt(p);
    if (c !== 0x26 /* & */ && c !== 0x21 /* ! */) return Math.min(at, n);
    while (p < n && !isWs(text.charCodeAt(p))) p++;
    at = p;
  }
}

/** Just after a block sequence's `-` and the blanks that follow it on the same line (an empty item's place). */
function afterIndicator(text: string, dash: number): number {
  let p = dash + 1;
  while (p < text.length && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) p++;
  return p;
}

/** What the `yaml` source map compares a path segment with: `String(value)` of a scalar key. */
export function keyText(node: YNode): string | undefined {
  if (node.keyText !== null) return node.keyText;
  let k: string | undefined;
  if (node.kind === Kind.Scalar) k = node.merge ? undefined : String(node.result);
  else if (node.kind === Kind.Empty) k = 'null';
  else k = undefined;
  node.keyText = k;
  return k;
}

/** Collects one document's nodes from js-yaml's listener events. */
export class TreeBuilder {
  private readonly stack: YNode[] = [];
  readonly roots: YNode[] = [];
  readonly duplicates: DuplicateKey[] = [];
  private readonly anchors = new Map<string, YNode>();
  /** Deepest js-yaml `composeNode` nesting seen. */
  maxDepth = 0;
  hasAlias = false;
  /** Offset of the chunk being read inside the whole text. */
  base = 0;

  constructor(private readonly text: string) {}

  readonly listener = (event: 'open' | 'close', state: LoaderState): void => {
    if (event === 'open') {
      if (state.depth > this.maxDepth) this.maxDepth = state.depth;
      this.stack.push(new YNode(this.base + state.position));
      return;
    }
    const node = this.stack.pop();
    if (!node) return;
    const out = this.finish(node, state);
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      if (parent.children) parent.children.push(out);
      else parent.children = [out];
    } else this.roots.push(out);
  };

  /** Forgets the anchors of the previous document (js-yaml does the same). */
  startDocument(base: number): void {
    this.base = base;
    this.anchors.clear();
    this.stack.length = 0;
    this.maxDepth = 0;
    this.hasAlias = false;
  }

  private finish(node: YNode, state: LoaderState): YNode {
    node.close = this.base + state.position;
    node.result = state.result;
    const kind = state.kind;
    const raw = node.children;
    let out = node;
    if (kind === 'mapping' || kind === 'sequence') {
      const want = kind === 'mapping' ? Kind.Map : Kind.Seq;
      const first = raw?.[0];
      if (raw && raw.length === 1 && first && first.kind === want && first.result === state.result) {
        // A block-mapping attempt whose "key" turned out to be the whole (flow) collection: the child is the node.
        out = first;
      } else {
        node.kind = want;
        node.children = null;
        if (want === Kind.Map) this.buildMap(node, raw);
        else this.buildSeq(node, raw);
      }
    } else {
      node.children = null;
      if (kind === 'scalar') {
        node.kind = Kind.Scalar;
        if (state.tag === MERGE_TAG) node.merge = true;
      } else {
        const s = contentStart(this.text, node);
        if (this.text.charCodeAt(s) === 0x2a /* * */ && node.close > s) {
          node.kind = Kind.Alias;
          this.hasAlias = true;
          let p = s + 1;
          while (p < this.text.length && !isWs(this.text.charCodeAt(p)) && !isFlowIndicator(this.text.charCodeAt(p))) p++;
          node.target = this.anchors.get(this.text.slice(s + 1, p)) ?? null;
        } else {
          node.kind = Kind.Empty;
          node.start = node.end = emptyPosition(this.text, node.open);
        }
      }
    }
    const anchor = state.anchor;
    if (anchor !== null && out.kind !== Kind.Alias) {
      out.anchor = anchor;
      this.anchors.set(anchor, out);
    }
    return out;
  }

  /** Is the node followed by `:` (a flow pair's key)? */
  private followedByColon(node: YNode): boolean {
    const p = skipSpace(this.text, Math.min(node.close, this.text.length));
    return this.text.charCodeAt(p) === 0x3a;
  }

  private isFlow(node: YNode, raw: YNode[] | null, bracket: number): boolean {
    const s = contentStart(this.text, node);
    if (this.text.charCodeAt(s) !== bracket) return false;
    // A block mapping whose first key is a flow collection also starts with a bracket, at its first child.
    return !raw || raw.length === 0 || raw[0]!.open > s;
  }

  private buildMap(node: YNode, raw: YNode[] | null): void {
    const keys: YNode[] = [];
    const values: (YNode | null)[] = [];
    if (raw) {
      if (this.isFlow(node, raw, 0x7b /* { */)) {
        for (let i = 0; i < raw.length; ) {
          const key = raw[i]!;
          if (this.followedByColon(key) && i + 1 < raw.length) {
            keys.push(key);
            values.push(raw[i + 1]!);
            i += 2;
          } else {
            keys.push(key);
            values.push(null);
            i += 1;
          }
        }
      } else {
        // Block mapping: key, value, key, value…; a last, unpaired child is the key js-yaml tried and did not find.
        const n = raw.length - (raw.length % 2);
        for (let i = 0; i < n; i += 2) {
          keys.push(raw[i]!);
          values.push(raw[i + 1]!);
        }
      }
    }
    node.children = keys;
    node.values = values;
    if (keys.length > 1) this.checkDuplicates(keys);
  }

  private buildSeq(node: YNode, raw: YNode[] | null): void {
    const result = Array.isArray(node.result) ? node.result : [];
    if (!raw) {
      node.children = result.length === 0 ? [] : this.blockItems(node, [], result);
      return;
    }
    if (this.isFlow(node, raw, 0x5b /* [ */)) {
      const items: YNode[] = [];
      for (let i = 0; i < raw.length; ) {
        const item = raw[i]!;
        if (this.followedByColon(item) && i + 1 < raw.length) {
          // `[key: value]`: a single-pair mapping.
          const pair = new YNode(item.open);
          pair.kind = Kind.Map;
          pair.start = contentStart(this.text, item);
          pair.children = [item];
          pair.values = [raw[i + 1]!];
          pair.close = raw[i + 1]!.close;
          pair.result = result[items.length];
          items.push(pair);
          i += 2;
        } else {
          items.push(item);
          i += 1;
        }
      }
      node.children = items;
      return;
    }
    node.children = raw.length === result.length ? raw : this.blockItems(node, raw, result);
  }

  /**
   * Block sequence items written as a bare `-` get no listener event (js-yaml pushes a null without reading a node):
   * find every `-` of the sequence (first non-blank of a line, at the sequence's column) and give the items without
   * a node an empty one, placed where the `yaml` library places it.
   */
  private blockItems(node: YNode, raw: YNode[], result: unknown[]): YNode[] {
    const text = this.text;
    const s = contentStart(text, node);
    const col = s - (text.lastIndexOf('\n', s - 1) + 1);
    const limit = Math.min(node.close, text.length);
    const dashes = [s];
    for (let lf = text.indexOf('\n', s); lf !== -1 && lf + 1 < limit; lf = text.indexOf('\n', lf + 1)) {
      let q = lf + 1;
      while (q < limit && text.charCodeAt(q) === SPACE) q++;
      if (q - lf - 1 === col && text.charCodeAt(q) === 0x2d && (q + 1 >= text.length || isWs(text.charCodeAt(q + 1)))) dashes.push(q);
    }
    if (dashes.length !== result.length) return this.padItems(node, raw, result);
    const items: YNode[] = [];
    let r = 0;
    for (let i = 0; i < dashes.length; i++) {
      const next = i + 1 < dashes.length ? dashes[i + 1]! : Infinity;
      const c = raw[r];
      if (c && c.open > dashes[i]! && c.open < next) {
        items.push(c);
        r++;
      } else {
        const empty = new YNode(afterIndicator(text, dashes[i]!));
        empty.kind = Kind.Empty;
        empty.start = empty.end = empty.open;
        items.push(empty);
      }
    }
    return r === raw.length ? items : this.padItems(node, raw, result);
  }

  /** Fallback of `blockItems`: line the nodes up with the values, empty nodes for the missing ones. */
  private padItems(node: YNode, raw: YNode[], result: unknown[]): YNode[] {
    const items: YNode[] = [];
    let r = 0;
    for (let i = 0; i < result.length; i++) {
      const c = raw[r];
      if (c && (raw.length - r >= result.length - i || Object.is(c.result, result[i]))) {
        items.push(c);
        r++;
      } else {
        const prev = items[items.length - 1];
        const empty = new YNode(prev ? prev.close : contentStart(this.text, node) + 1);
        empty.kind = Kind.Empty;
        empty.start = empty.end = empty.open;
        items.push(empty);
      }
    }
    return items;
  }

  /** Same rule as the `yaml` library: two scalar keys with the same (resolved) value; `<<` never repeats. */
  private checkDuplicates(keys: YNode[]): void {
    const n = keys.length;
    if (n <= 8) {
      for (let i = 1; i < n; i++) {
        const k = keys[i]!;
        if ((k.kind !== Kind.Scalar && k.kind !== Kind.Empty) || k.merge) continue;
        for (let j = 0; j < i; j++) {
          const o = keys[j]!;
          if ((o.kind === Kind.Scalar || o.kind === Kind.Empty) && !o.merge && o.result === k.result) {
            this.duplicates.push({ offset: contentStart(this.text, k) });
            break;
          }
        }
      }
      return;
    }
    const seen = new Set<unknown>();
    for (const k of keys) {
      if ((k.kind !== Kind.Scalar && k.kind !== Kind.Empty) || k.merge) continue;
      const v = k.result;
      if (typeof v === 'number' && Number.isNaN(v)) continue;
      if (seen.has(v)) this.duplicates.push({ offset: contentStart(this.text, k) });
      else seen.add(v);
    }
  }
}
