import { loadAll } from 'js-yaml';
import type { DataPath, Location } from '../../core/location.js';
import type { SourceLocator } from '../../core/config-object.js';
import { YAML11_SCHEMA } from '../k8s-yaml/fast/schema.js';
import { FastSourceMap, type LineIndex } from '../k8s-yaml/fast/source-map-fast.js';
import { splitDocuments } from '../k8s-yaml/fast/split.js';
import { contentStart, Kind, keyText, TreeBuilder, valueEnd, YNode } from '../k8s-yaml/fast/tree.js';
import type { ParsedDocument } from '../k8s-yaml/index.js';

/**
 * The node trees of a YAML stream, rebuilt with the fast parser's own pieces for documents that `parseYamlDocuments`
 * already accepted (so its alias and depth limits have been applied). Compose needs what the shared source map keeps
 * private: a locator per service (a 10,000-service file would otherwise scan every service key for each finding),
 * the `!reset`/`!override` tags, and the plain text of scalars (compose reads YAML 1.2, see `toYaml12`).
 */
export function documentTrees(text: string): (YNode | undefined)[] {
  const builder = new TreeBuilder(text);
  const chunks = splitDocuments(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return chunks.map((chunk) => {
    builder.startDocument(chunk.parseStart);
    const before = builder.roots.length;
    try {
      const values = loadAll(text.slice(chunk.parseStart, chunk.end), null, {
        schema: YAML11_SCHEMA,
        json: true,
        listener: builder.listener,
        maxDepth: 10_000,
        maxTotalMergeKeys: 100_000,
      });
      if (values.length !== 1 || builder.roots.length !== before + 1) return undefined;
      return builder.roots[before];
    } catch {
      return undefined;
    }
  });
}

/**
 * The node tree behind a document of `parseYamlDocuments`. Its source map keeps the root in a private field; reading it
 * (checked to be a node) spares compose a second parse of every file. Undefined when the shared parser stops keeping
 * it there: callers then rebuild the trees with `documentTrees`, which gives the same nodes.
 */
export function treeOf(doc: ParsedDocument): YNode | undefined {
  const root = (doc.source as unknown as { root?: unknown }).root;
  return root instanceof YNode ? root : undefined;
}

export function deref(node: YNode | null | undefined): YNode | undefined {
  let n = node ?? undefined;
  for (let i = 0; n && n.kind === Kind.Alias && i < 64; i++) n = n.target ?? undefined;
  return n && n.kind !== Kind.Alias ? n : undefined;
}

/** The pairs of a mapping node by key text; the last of duplicate keys wins, as in the value. */
export function mapPairs(node: YNode | undefined): Map<string, { key: YNode; value: YNode | null }> {
  const out = new Map<string, { key: YNode; value: YNode | null }>();
  const n = deref(node);
  if (!n || n.kind !== Kind.Map) return out;
  n.children!.forEach((key, i) => {
    const k = keyText(key);
    if (k !== undefined && !key.merge) out.set(k, { key, value: n.values![i] ?? null });
  });
  return out;
}

/** Tag written on a node (`!reset`, `!override`, …), or undefined. */
export function tagOf(text: string, node: YNode | null): string | undefined {
  if (!node) return undefined;
  const props = text.slice(node.open, contentStart(text, node));
  const m = /(?:^|\s)!([A-Za-z0-9_-]+)/.exec(props);
  return m ? m[1] : undefined;
}

/** A 1.1 boolean spelling that YAML 1.2 (and so compose, through go-yaml v3) reads as a string. */
const YAML11_ONLY_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
/** Base-60 numbers (`22:22` is 1342 in YAML 1.1, the string "22:22" in YAML 1.2). */
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/**
 * Compose reads YAML 1.2 (go-yaml v3); the shared parser reads YAML 1.1 like kubectl. The two differ on plain scalars
 * that matter here: `- 22:22` in `ports` is the string "22:22" to compose but 1342 in 1.1, and `on`/`yes`/`no` are
 * strings. This rewrites those values in place (the parser's values are fresh objects owned by the caller).
 */
export function toYaml12(text: string, root: YNode | undefined, value: unknown): unknown {
  const seen = new Set<YNode>();
  const fix = (node: YNode | null | undefined, v: unknown): unknown => {
    const n = deref(node);
    if (!n) return v;
    if (n.kind === Kind.Scalar) {
      if ((typeof v !== 'number' && typeof v !== 'boolean') || !Object.is(v, n.result)) return v;
      const s = contentStart(text, n);
      const c = text[s];
      if (c === '"' || c === "'" || c === '|' || c === '>') return v;
      const raw = text.slice(s, valueEnd(text, n)).trim();
      if (typeof v === 'boolean' && YAML11_ONLY_BOOL.test(raw)) return raw;
      if (typeof v === 'number' && SEXAGESIMAL.test(raw)) return raw;
      return v;
    }
    if (typeof v !== 'object' || v === null || seen.has(n)) return v;
    seen.add(n);
    if (n.kind === Kind.Map && !Array.isArray(v)) {
      const rec = v as Record<string, unknown>;
      n.children!.forEach((key, i) => {
        const k = keyText(key);
        if (k === undefined || key.merge || !Object.hasOwn(rec, k)) return;
        rec[k] = fix(n.values![i], rec[k]);
      });
      renameYaml11Keys(text, n, rec);
    } else if (n.kind === Kind.Seq && Array.isArray(v)) {
      n.children!.forEach((item, i) => {
        if (i < v.length) v[i] = fix(item, v[i]);
      });
    }
    return v;
  };
  return fix(root, value);
}

/** The YAML 1.2 reading of a plain scalar key that YAML 1.1 turned into a boolean or a base-60 number, else undefined. */
function yaml12Key(text: string, key: YNode): string | undefined {
  if (key.kind !== Kind.Scalar || (typeof key.result !== 'boolean' && typeof key.result !== 'number')) return undefined;
  const s = contentStart(text, key);
  const c = text[s];
  if (c === '"' || c === "'") return undefined;
  const raw = text.slice(s, valueEnd(text, key)).trim();
  return YAML11_ONLY_BOOL.test(raw) || SEXAGESIMAL.test(raw) ? raw : undefined;
}

/**
 * Keys such as `N:`, `on:` or `no:` (an environment variable, a service name) are booleans in YAML 1.1 and strings to
 * compose. Renames them in the value, in place and in key order, and in this tree's key texts so the service locators
 * still find them. A key that collides with another after YAML 1.1 resolution (`y:` and `yes:`) is left alone: only
 * one of the values survived the parse.
 */
function renameYaml11Keys(text: string, n: YNode, rec: Record<string, unknown>): void {
  const renames = new Map<string, { key: YNode; to: string }>();
  const seen = new Map<string, number>();
  for (const key of n.children!) {
    const k = keyText(key);
    if (k === undefined || key.merge) continue;
    seen.set(k, (seen.get(k) ?? 0) + 1);
    const to = yaml12Key(text, key);
    if (to !== undefined) renames.set(k, { key, to });
  }
  if (renames.size === 0) return;
  const entries = Object.entries(rec);
  let changed = false;
  for (const [from, r] of renames) {
    if (seen.get(from) !== 1 || !Object.hasOwn(rec, from) || Object.hasOwn(rec, r.to)) continue;
    r.key.keyText = r.to;
    changed = true;
  }
  if (!changed) return;
  for (const [k] of entries) delete rec[k];
  for (const [k, val] of entries) {
    const r = renames.get(k);
    rec[r && r.key.keyText === r.to ? r.to : k] = val;
  }
}

/**
 * Locates paths inside one compose service from its own node, so a lookup costs the depth of the path, not the number
 * of services. Path `[]` (and anything whose first segment is missing) is the service's key line.
 */
export class ServiceNodeLocator implements SourceLocator {
  private inner: FastSourceMap | undefined;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly file: string,
    private readonly key: YNode,
    private readonly value: YNode | null,
  ) {}

  resolve(path: DataPath): { location: Location; matched: number } {
    if (path.length > 0 && this.value) {
      this.inner ??= new FastSourceMap(this.text, this.lines, this.file, this.value, this.value.open);
      const r = this.inner.resolve(path);
      if (r.matched > 0) return r;
    }
    return { location: this.keyLocation(), matched: 0 };
  }

  locate(path: DataPath): Location {
    return this.resolve(path).location;
  }

  /** The key through the end of its value when the value is a scalar, else the key alone (as the shared source map does). */
  private keyLocation(): Location {
    const start = contentStart(this.text, this.key);
    const v = this.value;
    const end = v && (v.kind === Kind.Scalar || v.kind === Kind.Empty) ? valueEnd(this.text, v) : valueEnd(this.text, this.key);
    return this.lines.range(this.file, start, end);
  }
}
