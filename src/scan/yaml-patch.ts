import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parse,
  parseAllDocuments,
  parseDocument,
  stringify,
  visit,
  type Document,
  type Node,
  type Pair,
  type ParsedNode,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { JsonPatchOperation } from '../core/config-object.js';
import { applyJsonPatch, getByPointer, jsonEqual, parsePointer } from '../core/json-patch.js';
import { err, ok, type Result } from '../core/result.js';

/**
 * Applies RFC 6902 patches to YAML text as minimal text edits, so everything the patch does not touch stays byte for
 * byte: comments, key order, quoting, blank lines, indentation, flow or block style, line folding.
 *
 * Why not `Document.setIn()` + `toString()`: the `yaml` library keeps comments and quoting, but re-renders the whole
 * document from its tree, which changes sequence indentation, spacing inside flow collections, alignment after colons and
 * long lines; on a real repository that turns a one-line fix into a diff of the whole file. We use the library's parse
 * tree for what it is exact about (node offsets, resolved values) and edit the text at those offsets.
 *
 * Every edit is verified: the edited text is parsed again and must equal the JSON Patch result of the original value
 * (`applyJsonPatch`), otherwise the document is left alone with an error. A document we cannot edit safely (anchors
 * shared by aliases, merge keys, tags that change meaning) is refused with the reason.
 */

// Kubernetes' decoder reads YAML 1.1 (`yes`/`on` are booleans) and honours `<<` merge keys: read the text as it will be read.
const PARSE_OPTIONS = { version: '1.1', merge: true, prettyErrors: false } as const;
const MAX_ALIAS_COUNT = 1000;

interface Ctx {
  text: string;
  doc: Document.Parsed;
  /** Where each collection sits, so removing a collection's last member can rewrite the collection itself. */
  parents: Map<unknown, Resolved>;
  /** Anchors some alias uses. */
  anchors: Set<string>;
  style: Style;
}
/** Replace `[from, to)` by `insert`. `col`, `item`: the column of a new block line, and whether it is a list item. */
type Edit = { from: number; to: number; insert: string; col?: number; item?: boolean };
type Step = Result<Edit[], string>;

/** Where a pointer leads in the parse tree. */
interface Resolved {
  /** The node at the pointer, undefined when the last token names a missing member (or the end of a list). */
  node: ParsedNode | null | undefined;
  /** Its parent collection. */
  parent: YAMLMap.Parsed | YAMLSeq.Parsed;
  /** The pair holding it, when the parent is a mapping. */
  pair?: Pair<ParsedNode, ParsedNode | null>;
  /** Its index, when the parent is a sequence. */
  index?: number;
  token: string;
  /** The member is missing from a mapping that has a `<<` merge key: it may come from the merge. */
  merged?: boolean;
}

const lineStart = (text: string, off: number): number => text.lastIndexOf('\n', off - 1) + 1;
const column = (text: string, off: number): number => off - lineStart(text, off);
/** End of the line's content (before `\n` or `\r\n`). */
const lineEnd = (text: string, off: number): number => {
  const i = text.indexOf('\n', off);
  if (i < 0) return text.length;
  return i > 0 && text[i - 1] === '\r' ? i - 1 : i;
};
const nextLineStart = (text: string, off: number): number => {
  const i = text.indexOf('\n', off);
  return i < 0 ? text.length : i + 1;
};
const leadingSpaces = (text: string, off: number): string => /^[ \t]*/.exec(text.slice(lineStart(text, off)))![0];

function keyString(key: unknown): string | undefined {
  if (!isScalar(key) || isMergeKey(key)) return undefined;
  return key.value === null ? '' : String(key.value);
}

/** `<<` under `merge: true` (the library marks it with a symbol). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.type === 'PLAIN'));
}

/** Keys and values safe as plain scalars in block and flow context, and read back as the same string under YAML 1.1. */
function plainSafe(s: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_./-]*$/.test(s)) return false;
  try {
    return parse(s, PARSE_OPTIONS) === s;
  } catch {
    return false;
  }
}

function renderScalar(v: unknown, json: boolean, quote?: Scalar.Type): string {
  if (typeof v === 'string') {
    if (json || quote === 'QUOTE_DOUBLE') return JSON.stringify(v);
    if (quote === 'QUOTE_SINGLE' && !/[\n\r]/.test(v)) return `'${v.replace(/'/g, "''")}'`;
    return plainSafe(v) ? v : JSON.stringify(v);
  }
  if (v === null || v === undefined) return 'null';
  return typeof v === 'number' && !Number.isFinite(v) ? JSON.stringify(String(v)) : String(v);
}

/** Flow style (`{a: 1, b: [x]}`), or JSON when the document is JSON. */
function renderFlow(v: unknown, json: boolean): string {
  if (Array.isArray(v)) return `[${v.map((x) => renderFlow(x, json)).join(', ')}]`;
  if (typeof v === 'object' && v !== null) {
    const body = Object.entries(v).map(([k, x]) => `${renderScalar(k, json)}: ${renderFlow(x, json)}`).join(', ');
    return `{${body}}`;
  }
  return renderScalar(v, json);
}

const isCollectionValue = (v: unknown): v is object => typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

interface Style {
  /** Indentation step of nested mappings. */
  step: number;
  /** Block sequences indented under their key (`key:\n  - a`) rather than level with it (`key:\n- a`). */
  indentSeq: boolean;
  /** The document is JSON (a flow mapping with quoted keys at the root): new text is written as JSON. */
  json: boolean;
}

/** The document's own habits, read from its first nested mapping and first block sequence. */
function styleOf(text: string, doc: Document.Parsed): Style {
  let step: number | undefined;
  let indentSeq: boolean | undefined;
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key as ParsedNode | null;
      const v = pair.value as ParsedNode | null;
      if (!k?.range || !v?.range) return undefined;
      if (step === undefined && isMap(v) && !v.flow && v.items.length > 0) {
        const first = v.items[0]!.key as ParsedNode | null;
        if (first?.range) {
          const d = column(text, first.range[0]) - column(text, k.range[0]);
          if (d > 0) step = d;
        }
      }
      if (indentSeq === undefined && isSeq(v) && !v.flow && v.items.length > 0) {
        indentSeq = column(text, v.range[0]) > column(text, k.range[0]);
      }
      return step !== undefined && indentSeq !== undefined ? visit.BREAK : undefined;
    },
  });
  const root = doc.contents;
  // JSON: a flow root whose keys are double-quoted (`{"apiVersion": …}`); `{apiVersion: v1}` is flow YAML.
  const firstKey = isMap(root) ? root.items[0]?.key : undefined;
  const json = isMap(root) && root.flow === true && (firstKey === undefined || (isScalar(firstKey) && firstKey.type === 'QUOTE_DOUBLE'));
  return { step: step ?? 2, indentSeq: indentSeq ?? true, json };
}

/** Block YAML for `value` (a mapping entry or a list item), every line indented by `col`, no trailing newline. */
function renderBlock(value: unknown, col: number, style: Style): string {
  const out = stringify(value, { version: '1.1', indent: style.step, indentSeq: style.indentSeq, lineWidth: 0, minContentWidth: 0 });
  const pad = ' '.repeat(col);
  return out
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

/** Anchors that some alias in the document uses: editing under one would change every place that reuses it. */
function usedAnchors(doc: Document.Parsed): Set<string> {
  const used = new Set<string>();
  visit(doc, {
    Alias(_, a) {
      used.add(a.source);
    },
  });
  return used;
}

function resolve(ctx: Ctx, pointer: string): Result<Resolved, string> {
  const anchors = ctx.anchors;
  const tokens = parsePointer(pointer);
  if (!tokens || tokens.length === 0) return err(`cannot edit "${pointer}" (only members and items of the document can be patched)`);
  let node: unknown = ctx.doc.contents;
  const check = (n: unknown, at: string): string | undefined => {
    if (isAlias(n)) return `${at} is an alias (*${n.source}); edit its anchor by hand`;
    const anchor = (n as Node | null)?.anchor;
    if (anchor && anchors.has(anchor)) return `${at} is the anchor &${anchor}, reused elsewhere by an alias; edit it by hand`;
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const at = '/' + tokens.slice(0, i).join('/');
    const problem = check(node, at);
    if (problem) return err(problem);
    const last = i === tokens.length - 1;
    if (isMap(node)) {
      const map = node as YAMLMap.Parsed;
      let pair: Pair<ParsedNode, ParsedNode | null> | undefined;
      for (const p of map.items) if (keyString(p.key) === token) pair = p as Pair<ParsedNode, ParsedNode | null>;
      if (!pair) {
        const merged = map.items.some((p) => isMergeKey(p.key));
        // A new member next to `<<` is fine (it overrides what the merge brings); going through a merged one is not.
        if (last) return ok({ node: undefined, parent: map, token, ...(merged ? { merged } : {}) });
        return err(merged ? `${at} takes members from a YAML merge key (<<); edit it by hand` : `nothing at ${at}/${token}`);
      }
      if (last) {
        const p = check(pair.value, `${at}/${token}`);
        return p ? err(p) : ok({ node: pair.value, parent: map, pair, token });
      }
      node = pair.value;
    } else if (isSeq(node)) {
      const seq = node as YAMLSeq.Parsed;
      const index = token === '-' ? seq.items.length : /^(0|[1-9]\d*)$/.test(token) ? Number(token) : -1;
      if (index < 0 || index > seq.items.length || (index === seq.items.length && !last)) return err(`nothing at ${at}/${token}`);
      const item = seq.items[index] as ParsedNode | null | undefined;
      if (last) {
        const p = check(item, `${at}/${token}`);
        return p ? err(p) : ok({ node: item, parent: seq, index, token });
      }
      node = item;
    } else return err(`${at} is not a mapping or a list`);
  }
  return err(`nothing at ${pointer}`);
}

function nodeStart(n: ParsedNode | null | undefined, fallback: number): number {
  return n?.range ? n.range[0] : fallback;
}

/**
 * Where a node's own text ends: the end of its last scalar or flow collection. A block collection's own range can reach
 * past trailing comment lines into the next line's indentation, which is no place to insert or cut.
 */
function contentEnd(n: ParsedNode | null | undefined, fallback: number): number {
  let cur: unknown = n;
  let end = fallback;
  for (;;) {
    const node = cur as ParsedNode | null | undefined;
    if (!node?.range) return end;
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
      end = node.range[1];
      const last = node.items[node.items.length - 1];
      cur = isPair(last) ? ((last.value as ParsedNode | null) ?? last.key) : last;
      continue;
    }
    return node.range[1];
  }
}

/** The start of the line after `end`, unless `end` already is one (a block scalar ends with its newline). */
const afterContent = (text: string, end: number): number => (end > 0 && text[end - 1] === '\n' ? end : nextLineStart(text, end));

/**
 * Where a new line for a block collection at column `col` goes: after its content, and after comment lines indented
 * deeper than `col` that follow it (they comment the nested content: `# resources:` left under a container).
 */
function insertionPoint(text: string, node: ParsedNode, col: number): number {
  let pos = afterContent(text, contentEnd(node, node.range[1]));
  for (;;) {
    const line = text.slice(pos, lineEnd(text, pos));
    const m = /^([ \t]*)#/.exec(line);
    if (!m || m[1]!.length <= col || pos >= text.length) return pos;
    pos = nextLineStart(text, pos);
  }
}

/** The offset just after the `:` that follows a block mapping key. */
function afterColon(text: string, key: ParsedNode): number | undefined {
  const m = /^[ \t]*:/.exec(text.slice(key.range[1], key.range[1] + 200));
  return m ? key.range[1] + m[0].length : undefined;
}

/** Inserts `line` (no newline) as a new line at `pos`, a line start or the end of an unterminated last line. */
function insertLine(text: string, pos: number, line: string, col: number, item: boolean): Edit {
  if (pos > 0 && text[pos - 1] !== '\n') return { from: pos, to: pos, insert: '\n' + line, col, item };
  return { from: pos, to: pos, insert: line + '\n', col, item };
}

function addMember(ctx: Ctx, map: YAMLMap.Parsed, key: string, value: unknown): Step {
  const { text, style } = ctx;
  const keyText = renderScalar(key, style.json);
  if (map.flow) {
    if (map.items.length === 0) return ok([{ from: map.range[0] + 1, to: map.range[0] + 1, insert: `${keyText}: ${renderFlow(value, style.json)}` }]);
    const last = map.items[map.items.length - 1]!;
    const end = ((last.value as ParsedNode | null)?.range ?? (last.key as ParsedNode).range)[1];
    const firstKey = map.items[0]!.key as ParsedNode;
    const multiline = lineStart(text, (last.key as ParsedNode).range[0]) !== lineStart(text, map.range[0]);
    const pad = leadingSpaces(text, (last.key as ParsedNode).range[0]);
    if (!multiline || column(text, firstKey.range[0]) !== leadingSpaces(text, firstKey.range[0]).length) {
      // On one line, or keys that do not start their lines: the new member goes on the last member's line.
      return ok([{ from: end, to: end, insert: `, ${keyText}: ${renderFlow(value, style.json)}` }]);
    }
    // One member per line (pretty-printed JSON): the new one too, nested values indented like the rest.
    const rendered = style.json ? JSON.stringify(value, null, style.step).split('\n').join('\n' + pad) : renderFlow(value, false);
    return ok([{ from: end, to: end, insert: `,\n${pad}${keyText}: ${rendered}` }]);
  }
  const first = map.items[0]?.key as ParsedNode | undefined;
  if (!first?.range) return err('cannot find where the mapping starts');
  const col = column(text, first.range[0]);
  return ok([insertLine(text, insertionPoint(text, map, col), renderBlock({ [key]: value }, col, style), col, false)]);
}

function addItem(ctx: Ctx, seq: YAMLSeq.Parsed, index: number, value: unknown): Step {
  const { text, style } = ctx;
  if (seq.flow) {
    const item = renderFlow(value, style.json);
    if (seq.items.length === 0) return ok([{ from: seq.range[0] + 1, to: seq.range[0] + 1, insert: item }]);
    if (index < seq.items.length) {
      const at = nodeStart(seq.items[index] as ParsedNode, -1);
      if (at < 0) return err('cannot find the list item');
      return ok([{ from: at, to: at, insert: `${item}, ` }]);
    }
    const last = seq.items[seq.items.length - 1] as ParsedNode | null;
    if (!last?.range) return err('cannot find the end of the list');
    return ok([{ from: last.range[1], to: last.range[1], insert: `, ${item}` }]);
  }
  const col = column(text, seq.range[0]);
  // A new item goes on its own line at the column of the first dash (also for `- - a`, a list inside a list item).
  if (text[seq.range[0]] !== '-') return err('cannot find where the list starts; edit it by hand');
  const lines = renderBlock([value], col, style);
  if (index >= seq.items.length) return ok([insertLine(text, insertionPoint(text, seq, col), lines, col, true)]);
  const dash = dashOf(text, seq.items[index] as ParsedNode);
  if (dash === undefined) return err('cannot find the list item');
  return ok([{ from: lineStart(text, dash), to: lineStart(text, dash), insert: lines + '\n' }]);
}

/** The `-` of a block sequence item, when it starts its line. */
function dashOf(text: string, item: ParsedNode | null): number | undefined {
  if (!item?.range) return undefined;
  let i = item.range[0] - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  if (text[i] !== '-') return undefined;
  return leadingSpaces(text, i).length === column(text, i) ? i : undefined;
}

/** Replaces a value in place: same node position, new text in the style of its context. */
function replaceNode(ctx: Ctx, r: Resolved, value: unknown): Step {
  const { text, style } = ctx;
  const node = r.node;
  if (!node) return err('nothing to replace');
  const flowParent = r.parent.flow === true;
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    if (isCollectionValue(value)) return err('cannot replace a block scalar with a collection; edit it by hand');
    const end = node.range[1];
    const nl = text[end - 1] === '\n' ? '\n' : '';
    return ok([{ from: node.range[0], to: end, insert: renderScalar(value, style.json) + nl }]);
  }
  const flowNode = (isMap(node) || isSeq(node)) && node.flow === true;
  if (flowParent || style.json || flowNode || (isScalar(node) && !isCollectionValue(value))) {
    const quote = isScalar(node) && typeof node.value === 'string' ? node.type : undefined;
    const insert = typeof value === 'object' && value !== null ? renderFlow(value, style.json) : renderScalar(value, style.json, quote);
    // An empty value (`key:` with nothing after it) has no text of its own: the replacement goes after the colon.
    if (node.range[0] === node.range[1] && text[node.range[0] - 1] === ':') return ok([{ from: node.range[0], to: node.range[1], insert: ` ${insert}` }]);
    return ok([{ from: node.range[0], to: node.range[1], insert }]);
  }
  // Block context from here on.
  const nl = (end: number): string => (text[end - 1] === '\n' ? '\n' : '');
  if (!isCollectionValue(value)) {
    // A block collection becomes a scalar or an empty collection: `key:\n  a: 1\n` → `key: {}\n`.
    const insert = typeof value === 'object' && value !== null ? renderFlow(value, false) : renderScalar(value, false);
    const end = contentEnd(node, node.range[1]);
    if (!r.pair) return ok([{ from: node.range[0], to: end, insert: insert + nl(end) }]);
    const colon = afterColon(text, r.pair.key as ParsedNode);
    if (colon === undefined) return err('cannot find the key of the value');
    return ok([{ from: colon, to: end, insert: ` ${insert}${nl(end)}` }]);
  }
  if (r.pair) {
    // The value of a key becomes a block collection under it: from an empty `securityContext:`, a scalar, or another
    // collection. A comment after the colon stays there.
    const key = r.pair.key as ParsedNode;
    const colon = afterColon(text, key);
    if (colon === undefined) return err('cannot find the key of the value');
    const col = column(text, key.range[0]) + (Array.isArray(value) && !style.indentSeq ? 0 : style.step);
    const body = renderBlock(value, col, style);
    if (isScalar(node)) {
      const eol = lineEnd(text, node.range[1]);
      const tail = text.slice(node.range[1], eol).trim();
      if (tail !== '' && !tail.startsWith('#')) return err('unexpected text after the value; edit it by hand');
      return ok([{ from: colon, to: eol, insert: `${tail ? ' ' + tail : ''}\n${body}` }]);
    }
    const comment = text.slice(colon, lineEnd(text, colon)).trim();
    const end = contentEnd(node, node.range[1]);
    const keep = comment.startsWith('#') && lineEnd(text, colon) <= node.range[0] ? ` ${comment}` : '';
    return ok([{ from: colon, to: end, insert: `${keep}\n${body}${nl(end)}` }]);
  }
  // A list item, or a block collection replaced by another: the first line where the old value starts, the others at
  // its column (`- - a` and `- name: x` included).
  let from = node.range[0];
  let lead = '';
  if (node.range[0] === node.range[1] && text[from - 1] === '-') lead = ' ';
  const col = column(text, from) + lead.length;
  const body = lead + renderBlock(value, col, style).slice(col);
  const end = contentEnd(node, node.range[1]);
  if (isScalar(node) && node.range[0] === node.range[1]) from = end;
  return ok([{ from, to: end, insert: body + (isScalar(node) ? '' : nl(end)) }]);
}

function removeNode(ctx: Ctx, r: Resolved): Step {
  const { text } = ctx;
  const parent = r.parent;
  if (parent.items.length === 1) {
    // The last member or item: the collection becomes empty, written `{}` / `[]` (an emptied block would read as null).
    const parentResolved = ctx.parents.get(parent);
    if (!parentResolved) {
      if (parent !== ctx.doc.contents) return err('cannot find where the collection sits');
      const from = parent.range[0];
      const to = contentEnd(parent, parent.range[1]);
      return ok([{ from, to, insert: (isMap(parent) ? '{}' : '[]') + (text[to - 1] === '\n' ? '\n' : '') }]);
    }
    return replaceNode(ctx, parentResolved, isMap(parent) ? {} : []);
  }
  if (isMap(parent)) {
    const pair = r.pair!;
    const key = pair.key as ParsedNode;
    const value = pair.value as ParsedNode | null;
    const idx = parent.items.indexOf(pair);
    const end = contentEnd(value ?? key, key.range[1]);
    if (parent.flow) {
      if (idx < parent.items.length - 1) return ok([{ from: key.range[0], to: (parent.items[idx + 1]!.key as ParsedNode).range[0], insert: '' }]);
      const prev = parent.items[idx - 1]!;
      const prevEnd = ((prev.value as ParsedNode | null)?.range ?? (prev.key as ParsedNode).range)[1];
      return ok([{ from: prevEnd, to: end, insert: '' }]);
    }
    const startsLine = leadingSpaces(text, key.range[0]).length === column(text, key.range[0]);
    if (!startsLine) {
      // `- name: x` as the first member of a list item: the next member moves up behind the dash.
      const next = parent.items[idx + 1]?.key as ParsedNode | undefined;
      if (!next) return err('cannot remove this member; edit it by hand');
      return ok([{ from: key.range[0], to: next.range[0], insert: '' }]);
    }
    return ok([{ from: lineStart(text, key.range[0]), to: afterContent(text, end), insert: '' }]);
  }
  const seq = parent as YAMLSeq.Parsed;
  const item = r.node as ParsedNode | null;
  const idx = r.index!;
  if (seq.flow) {
    if (!item?.range) return err('cannot find the list item');
    if (idx < seq.items.length - 1) return ok([{ from: item.range[0], to: nodeStart(seq.items[idx + 1] as ParsedNode, item.range[1]), insert: '' }]);
    const prev = seq.items[idx - 1] as ParsedNode;
    return ok([{ from: prev.range[1], to: item.range[1], insert: '' }]);
  }
  if (!item?.range) return err('cannot find the list item');
  const dash = dashOf(text, item);
  if (dash === undefined) {
    // The first item of a list that starts behind its parent's dash (`- - a`): the next item moves up behind it.
    const next = seq.items[idx + 1] as ParsedNode | null | undefined;
    if (!next?.range) return err('cannot find the list item');
    return ok([{ from: item.range[0], to: next.range[0], insert: '' }]);
  }
  return ok([{ from: lineStart(text, dash), to: afterContent(text, contentEnd(item, item.range[1])), insert: '' }]);
}

function indexParents(doc: Document.Parsed): Map<unknown, Resolved> {
  const out = new Map<unknown, Resolved>();
  const walk = (n: unknown): void => {
    if (isMap(n)) {
      for (const p of n.items) {
        const v = p.value;
        if (isMap(v) || isSeq(v)) out.set(v, { node: v as ParsedNode, parent: n as YAMLMap.Parsed, pair: p as Pair<ParsedNode, ParsedNode | null>, token: keyString(p.key) ?? '' });
        walk(v);
      }
    } else if (isSeq(n)) {
      n.items.forEach((v, index) => {
        if (isMap(v) || isSeq(v)) out.set(v, { node: v as ParsedNode, parent: n as YAMLSeq.Parsed, index, token: String(index) });
        walk(v);
      });
    }
  };
  walk(doc.contents);
  return out;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  // New lines follow the file's line endings.
  const crlf = text.includes('\r\n');
  // By position. New block lines at one point go where a new parse after each would put them: the deeper one first (a
  // container's new key ends the container, which ends before the pod spec's new key); at one column a list item before
  // a mapping key (`drop:` written level with its key ends before the mapping's next key); else in operation order.
  const rank = (e: Edit): number => (e.col === undefined ? 0 : -2 * e.col - (e.item ? 1 : 0));
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.from - b.from || (a.col !== undefined && b.col !== undefined ? rank(a) - rank(b) : 0) || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.from < pos) throw new Error('overlapping YAML edits');
    out += text.slice(pos, e.from) + (crlf ? e.insert.replace(/\r?\n/g, '\r\n') : e.insert);
    pos = e.to;
  }
  return out + text.slice(pos);
}

function parseOne(text: string): Result<Document.Parsed, string> {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const e = doc.errors[0];
  if (!e) return ok(doc);
  if (e.code === 'DUPLICATE_KEY') {
    // kubectl keeps the last value; an edit could land on either copy, so the duplicate has to go first.
    const key = (/^[^:\n]{1,60}/.exec(text.slice(e.pos[0])) ?? [''])[0].trim();
    return err(`duplicate key${key ? ` "${key}"` : ''} in the document; remove one of them, then run fix again`);
  }
  return err(e.message.split('\n')[0]!);
}

function toJS(doc: Document.Parsed): Result<unknown, string> {
  try {
    return ok(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (e) {
    return err(`cannot read the document: ${(e as Error).message}`);
  }
}

function makeCtx(text: string, doc: Document.Parsed): Ctx {
  const ctx: Ctx = { text, doc, parents: indexParents(doc), anchors: usedAnchors(doc), style: { step: 2, indentSeq: true, json: false } };
  ctx.style = styleOf(text, doc);
  return ctx;
}

/** A rename inside one mapping keeps the member where it is: only the key's text changes. Undefined when it is not one. */
function renameEdit(ctx: Ctx, op: { from: string; path: string }): Edit | undefined {
  const from = parsePointer(op.from);
  const to = parsePointer(op.path);
  if (!from || !to || from.length !== to.length || from.length === 0) return undefined;
  if (from.slice(0, -1).join('\u0000') !== to.slice(0, -1).join('\u0000')) return undefined;
  const src = resolve(ctx, op.from);
  const dst = resolve(ctx, op.path);
  if (!src.ok || !dst.ok || !src.value.pair || dst.value.node !== undefined || !isMap(src.value.parent)) return undefined;
  const key = src.value.pair.key as ParsedNode;
  if (!isScalar(key) || !(key.type === 'PLAIN' || key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE')) return undefined;
  return { from: key.range[0], to: key.range[1], insert: renderScalar(to[to.length - 1]!, ctx.style.json, key.type) };
}

/** One add/replace/remove as text edits against the current text. */
function editsFor(ctx: Ctx, op: JsonPatchOperation): Step {
  if (op.op === 'test') return ok([]);
  if (op.op === 'move' || op.op === 'copy') return err(`${op.op} is applied in steps`);
  const r = resolve(ctx, op.path);
  if (!r.ok) return r;
  if (r.value.merged && op.op === 'remove') return err(`${op.path} comes from a YAML merge key (<<); edit it by hand`);
  if (op.op === 'remove') {
    if (r.value.node === undefined) return err(`nothing at ${op.path} to remove`);
    return removeNode(ctx, r.value);
  }
  const value = (op as { value: unknown }).value;
  const inSeq = isSeq(r.value.parent);
  if (r.value.node !== undefined && !(inSeq && op.op === 'add')) return replaceNode(ctx, r.value, value);
  if (op.op === 'replace' && !r.value.merged) return err(`nothing at ${op.path} to replace`);
  if (inSeq) return addItem(ctx, r.value.parent as YAMLSeq.Parsed, r.value.index!, value);
  return addMember(ctx, r.value.parent as YAMLMap.Parsed, r.value.token, value);
}

/**
 * Applies `patch` (pointers from the document's root) to one YAML document's text. Returns the new text, or why the
 * document cannot be patched safely; nothing is ever half-applied.
 */
export function patchYamlDocument(text: string, patch: readonly JsonPatchOperation[], options: { mode?: 'auto' | 'batch' | 'sequential' } = {}): Result<string, string> {
  const first = parseOne(text);
  if (!first.ok) return err(first.error.startsWith('duplicate key') ? first.error : `YAML error: ${first.error}`);
  const before = toJS(first.value);
  if (!before.ok) return before;
  const expected = applyJsonPatch(before.value, patch);
  if (!expected.ok) return err(`patch does not apply: ${expected.error.message}`);
  const check = (res: Result<Ctx, string>): Result<string, string> => {
    if (!res.ok) return res;
    const after = toJS(res.value.doc);
    if (!after.ok) return after;
    if (!jsonEqual(normalize(after.value), normalize(expected.value))) {
      return err('the edited text would not read back as the patched value; nothing changed (please report this)');
    }
    return ok(res.value.text);
  };
  const mode = options.mode ?? 'auto';
  if (mode === 'sequential') return check(applyOps(makeCtx(text, first.value), patch, false));
  const batched = check(applyOps(makeCtx(text, first.value), patch, true));
  if (batched.ok || mode === 'batch') return batched;
  // Batching edits against one parse is an optimisation; one parse per operation is the reference.
  return check(applyOps(makeCtx(text, first.value), patch, false));
}

/** Two edits that cannot be spliced into the same text: overlapping, or an insertion inside (or at the start of) a cut. */
function clash(a: Edit, b: Edit): boolean {
  const ai = a.from === a.to;
  const bi = b.from === b.to;
  // Two insertions at one point can share a parse only as new block lines (ordered by `applyEdits`); in a flow
  // collection the second would need the separator the first one brings.
  if (ai && bi) return a.from === b.from && (a.col === undefined || b.col === undefined);
  if (ai) return a.from >= b.from && a.from < b.to;
  if (bi) return b.from >= a.from && b.from < a.to;
  return a.from < b.to && b.from < a.to;
}

const prefixOf = (a: readonly string[], b: readonly string[]): boolean => a.length <= b.length && a.every((t, i) => b[i] === t);

/**
 * Runs the operations. With `batch`, consecutive operations on unrelated places are turned into edits against the same
 * parse and spliced together (a 300-pod List gets its fixes in a few parses, not thousands); an operation whose path is
 * related to one already in the batch, goes through a list another one changes the length of, or whose edit would touch
 * another edit, first flushes the batch. Without `batch`, every operation is applied and re-parsed on its own.
 */
function applyOps(start: Ctx, patch: readonly JsonPatchOperation[], batch: boolean): Result<Ctx, string> {
  let ctx = start;
  let pending: Edit[] = [];
  let paths: string[][] = [];
  let resized: string[][] = [];
  const flush = (): Result<true, string> => {
    if (pending.length === 0) return ok(true);
    const next = applyEdits(ctx.text, pending);
    pending = [];
    paths = [];
    resized = [];
    const re = parseOne(next);
    if (!re.ok) return err(`the edit would break the YAML (${re.error}); nothing changed`);
    ctx = makeCtx(next, re.value);
    return ok(true);
  };
  const step = (edits: Step): Result<true, string> => {
    if (!edits.ok) return edits;
    pending.push(...edits.value);
    return flush();
  };
  for (const op of patch) {
    if (op.op === 'test') continue;
    if (op.op === 'move' || op.op === 'copy') {
      const flushed = flush();
      if (!flushed.ok) return flushed;
      const rename = op.op === 'move' ? renameEdit(ctx, op) : undefined;
      if (rename) {
        const r = step(ok([rename]));
        if (!r.ok) return r;
        continue;
      }
      // As RFC 6902 defines them: move = remove + add of the value, copy = add of the value.
      const value = toJS(ctx.doc);
      if (!value.ok) return value;
      const got = getByPointer(value.value, op.from);
      if (!got.found) return err(`nothing at ${op.from}`);
      if (op.op === 'move') {
        const r = step(editsFor(ctx, { op: 'remove', path: op.from }));
        if (!r.ok) return r;
      }
      const r = step(editsFor(ctx, { op: 'add', path: op.path, value: got.value }));
      if (!r.ok) return r;
      continue;
    }
    if (!batch) {
      const r = step(editsFor(ctx, op));
      if (!r.ok) return r;
      continue;
    }
    const tokens = parsePointer(op.path) ?? [];
    if (paths.some((p) => prefixOf(p, tokens) || prefixOf(tokens, p)) || resized.some((p) => prefixOf(p, tokens))) {
      const flushed = flush();
      if (!flushed.ok) return flushed;
    }
    let edits = editsFor(ctx, op);
    if (!edits.ok || edits.value.some((e) => pending.some((p) => clash(p, e)))) {
      if (pending.length === 0) return edits.ok ? err('conflicting edits') : edits;
      const flushed = flush();
      if (!flushed.ok) return flushed;
      edits = editsFor(ctx, op);
      if (!edits.ok) return edits;
    }
    pending.push(...edits.value);
    paths.push(tokens);
    // Adding or removing a list item shifts the indexes after it: later paths through that list wait for a new parse.
    const last = tokens[tokens.length - 1];
    if ((op.op === 'add' || op.op === 'remove') && last !== undefined && (last === '-' || /^\d+$/.test(last))) resized.push(tokens.slice(0, -1));
  }
  const flushed = flush();
  return flushed.ok ? ok(ctx) : flushed;
}

/** toJS gives Maps for non-string keys and Dates for timestamps under some schemas: compare the JSON form. */
function normalize(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v ?? null));
}

/** The document slices of a multi-document file, in order; joined they give back the file. */
export function splitDocuments(text: string): Result<{ start: number; end: number }[], string> {
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  const list = Array.isArray(docs) ? docs : [docs];
  const bounds: { start: number; end: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    const start = i === 0 ? 0 : list[i]!.range[0];
    const end = i === list.length - 1 ? text.length : list[i + 1]!.range[0];
    if (end < start) return err('cannot split the documents of this file');
    bounds.push({ start, end });
  }
  return ok(bounds);
}
