/**
 * `.tf.json` and `.tfvars.json` (HCL's JSON syntax, https://developer.hashicorp.com/terraform/language/syntax/json)
 * read into the same tree as native syntax. Strings are templates (`"${var.x}"`). Without provider schemas, an array of
 * objects is taken as repeated nested blocks and a single object as an attribute (the check helpers accept both).
 *
 * Positions come from the YAML front end's source map (JSON is YAML, and parsers may only build on parsers and core);
 * `JSON.parse` first makes sure the file really is JSON, since YAML would accept more.
 */
import type { SourceLocator } from '../../core/config-object.js';
import type { DataPath } from '../../core/location.js';
import { parseYamlDocuments } from '../k8s-yaml/index.js';
import type { FormatIssue } from '../types.js';
import type { Attribute, Block, Body, Expr, Range } from './ast.js';
import type { LineMap } from './lines.js';
import { MAX_NESTING, parseHclExpression, parseHclTemplate } from './parser.js';
import { isPlainObject } from './values.js';

/** Labels of the top-level block types. */
const TOP_LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, terraform: 0, moved: 0, import: 0, check: 1, removed: 0 };
/** Nested blocks known to every resource, with their label counts. */
const NESTED_BLOCKS: Record<string, number> = { lifecycle: 0, connection: 0, provisioner: 1, dynamic: 1, content: 0, postcondition: 0, precondition: 0 };

type Rec = Record<string, unknown>;

class Reader {
  readonly errors: FormatIssue[] = [];
  constructor(
    private readonly lines: LineMap,
    private readonly locator: SourceLocator,
  ) {}

  /** The range of the key at `path` (of the value for array items). */
  range(path: DataPath): Range {
    const l = this.locator.locate(path);
    const start = this.lines.lineStart(l.startLine - 1) + l.startColumn - 1;
    const end = this.lines.lineStart(l.endLine - 1) + l.endColumn - 1;
    return { start, end: Math.max(start, end) };
  }

  error(message: string, r: Range): void {
    this.errors.push({ code: 'hcl-syntax', message, location: this.lines.location(r.start, r.end) });
  }

  expr(v: unknown, path: DataPath, r: Range, depth: number, asExpression = false): Expr {
    if (depth > MAX_NESTING) {
      this.error(`nested more than ${MAX_NESTING} levels deep`, r);
      return { t: 'invalid', r };
    }
    if (typeof v === 'string') {
      const parsed = asExpression ? parseHclExpression(v) : parseHclTemplate(v);
      if (!parsed.expr || parsed.issues.length > 0) {
        this.error(`invalid ${asExpression ? 'expression' : 'template'} in string: ${parsed.issues[0]?.message ?? 'does not parse'}`, r);
        return { t: 'invalid', r };
      }
      return rerange(parsed.expr, r);
    }
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return { t: 'lit', v, r };
    if (Array.isArray(v)) return { t: 'tuple', items: v.map((x, i) => this.expr(x, [...path, i], this.range([...path, i]), depth + 1)), r };
    const items = [];
    for (const [k, x] of Object.entries(v as Rec)) {
      const mr = this.range([...path, k]);
      items.push({ key: { t: 'lit' as const, v: k, r: mr }, staticKey: k, value: this.expr(x, [...path, k], mr, depth + 1), r: mr });
    }
    return { t: 'object', items, r };
  }

  /** A body whose keys are attributes and nested blocks (resources, modules, providers, nested blocks). */
  body(o: Rec, path: DataPath, depth: number, blockType: string): Body {
    const items: (Attribute | Block)[] = [];
    const own = this.range(path);
    for (const [k, v] of Object.entries(o)) {
      if (k === '//') continue;
      const p = [...path, k];
      const mr = this.range(p);
      const labels = NESTED_BLOCKS[k];
      const isBlockList = Array.isArray(v) && v.length > 0 && v.every(isPlainObject);
      if ((labels !== undefined && (isPlainObject(v) || isBlockList)) || isBlockList) {
        this.blocks(k, labels ?? 0, v, p, mr, [], items, depth + 1);
        continue;
      }
      // In a variable, `type` is a type expression, not a template.
      items.push({ kind: 'attribute', name: k, nameRange: mr, expr: this.expr(v, p, mr, depth + 1, blockType === 'variable' && k === 'type'), r: mr });
    }
    return { items, r: own };
  }

  blocks(type: string, labelsLeft: number, v: unknown, path: DataPath, r: Range, labels: { value: string; r: Range }[], out: (Attribute | Block)[], depth: number): void {
    if (depth > MAX_NESTING) {
      this.error(`nested more than ${MAX_NESTING} levels deep`, r);
      return;
    }
    if (labelsLeft > 0) {
      if (!isPlainObject(v)) {
        this.error(`"${type}" needs an object keyed by its label`, r);
        return;
      }
      for (const [k, x] of Object.entries(v)) {
        if (k === '//') continue;
        const p = [...path, k];
        const mr = this.range(p);
        this.blocks(type, labelsLeft - 1, x, p, mr, [...labels, { value: k, r: mr }], out, depth + 1);
      }
      return;
    }
    const bodies: [unknown, DataPath][] = Array.isArray(v) ? v.map((b, i) => [b, [...path, i]]) : [[v, path]];
    const head = labels[labels.length - 1]?.r ?? r;
    for (const [b, bp] of bodies) {
      if (!isPlainObject(b)) {
        this.error(`the body of a "${type}" block must be an object`, r);
        continue;
      }
      out.push({
        kind: 'block',
        type,
        typeRange: r,
        labels,
        body: type === 'locals' ? this.attributesOnly(b, bp, depth) : this.body(b, bp, depth + 1, type),
        r: { start: Math.min(labels[0]?.r.start ?? r.start, r.start), end: Math.max(r.end, head.end) },
        headerEnd: head.end,
      });
    }
  }

  attributesOnly(o: Rec, path: DataPath, depth: number): Body {
    const items: Attribute[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k === '//') continue;
      const mr = this.range([...path, k]);
      items.push({ kind: 'attribute', name: k, nameRange: mr, expr: this.expr(v, [...path, k], mr, depth + 1), r: mr });
    }
    return { items, r: this.range(path) };
  }
}

/** Expressions parsed from a JSON string are located at the JSON member that holds them. */
function rerange(e: Expr, r: Range): Expr {
  const walk = (x: unknown, depth: number): void => {
    if (depth > MAX_NESTING * 4) return;
    if (Array.isArray(x)) for (const y of x) walk(y, depth + 1);
    else if (typeof x === 'object' && x !== null) {
      const o = x as Rec;
      if ('r' in o && typeof o.r === 'object') o.r = r;
      for (const [k, y] of Object.entries(o)) if (k !== 'r') walk(y, depth + 1);
    }
  };
  walk(e, 0);
  return e;
}

function jsonError(message: string, text: string, lines: LineMap): FormatIssue {
  const at = /at position (\d+)/.exec(message);
  let offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : 0;
  offset = Math.min(offset, text.length);
  return { code: 'hcl-syntax', message: `invalid JSON: ${message.replace(/, ".*" is not valid JSON$/s, '')}`, location: lines.location(offset, offset) };
}

export function parseJsonSyntax(text: string, lines: LineMap): { body: Body; errors: FormatIssue[] } {
  const empty: Body = { items: [], r: { start: 0, end: 0 } };
  const parsed = parseYamlDocuments(text, lines.file);
  // The YAML reader's errors are positioned; JSON.parse confirms the file is JSON and not merely YAML.
  if (parsed.errors.length > 0) return { body: empty, errors: parsed.errors.map((e) => ({ code: 'hcl-syntax', message: e.message, location: e.location })) };
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { body: empty, errors: [jsonError((e as Error).message, text, lines)] };
  }
  const doc = parsed.documents[0];
  const root = doc?.value;
  if (!doc || !isPlainObject(root)) return { body: empty, errors: [{ code: 'hcl-syntax', message: 'a Terraform JSON file must hold one object', location: lines.location(0, 1) }] };
  const reader = new Reader(lines, doc.source);
  const isVars = /\.tfvars\.json$/i.test(lines.file);
  const items: (Attribute | Block)[] = [];
  for (const [k, v] of Object.entries(root)) {
    if (k === '//') continue;
    const mr = reader.range([k]);
    const labels = TOP_LABELS[k];
    if (isVars || labels === undefined) {
      items.push({ kind: 'attribute', name: k, nameRange: mr, expr: reader.expr(v, [k], mr, 1), r: mr });
      continue;
    }
    reader.blocks(k, labels, v, [k], mr, [], items, 1);
  }
  return { body: { items, r: { start: 0, end: text.length } }, errors: reader.errors };
}
