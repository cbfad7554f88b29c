/**
 * Evaluates Terraform modules: variables (defaults, tfvars, -var), locals (on demand, cycles reported), count and
 * for_each, dynamic blocks, data sources, and calls of local modules expanded recursively with their inputs. Each
 * resource instance becomes one ConfigObject whose value is its evaluated body and whose source map points at the
 * attribute as written. Pure: module files are handed in by a reader, nothing here touches the file system.
 */
import type { ConfigObject, InlineSuppression } from '../../core/config-object.js';
import { formatDataPath, type DataPath } from '../../core/location.js';
import type { FormatIssue } from '../types.js';
import type { Attribute, Block, Body, Expr } from './ast.js';
import { entriesOf, evaluate, EvalError, MAX_EVAL_STEPS, sortedKeys, toNumber, withVar, type EvalBudget, type EvalContext, type ModuleScope } from './evaluate.js';
import { kubernetesObjectFor } from './kubernetes.js';
import type { LineMap } from './lines.js';
import { parseHclExpression } from './parser.js';
import { HclLocator, type SrcNode } from './source-map.js';
import type { CommentIndex } from './suppressions.js';
import { isPlainObject, isUnknown, primitiveToString, Unknown, unknownFrom } from './values.js';

/** One parsed `.tf` / `.tf.json` / `.tfvars` file. */
export interface TfFile {
  /** Display path (relative to the scan's working directory, `/` separators). */
  path: string;
  text: string;
  lines: LineMap;
  body: Body;
  comments: CommentIndex;
  /** Syntax errors of the file. */
  errors: FormatIssue[];
}

/** Reads the module a `module` block calls with a local source (`./modules/x`, `../x`). */
export interface ModuleReader {
  read(fromDir: string, source: string): { dir: string; files: TfFile[] } | { error: string };
}

export interface RootModuleInput {
  /** Display path of the module directory ('.' for the working directory). */
  dir: string;
  files: readonly TfFile[];
  /** Variable files in increasing priority: terraform.tfvars, terraform.tfvars.json, *.auto.tfvars, then --var-file. */
  varFiles?: readonly TfFile[];
  /** `-var name=value`, strongest. */
  cliVars?: Readonly<Record<string, string>>;
  reader?: ModuleReader;
}

export interface EvaluationIssue {
  level: 'error' | 'warning';
  issue: FormatIssue;
}

export interface EvaluationResult {
  objects: ConfigObject[];
  issues: EvaluationIssue[];
  /** Module directories that were evaluated through a call (they are not roots of their own). */
  calledDirs: Set<string>;
}

/** Module calls nested deeper than this are reported and not expanded. */
export const MAX_MODULE_DEPTH = 16;
/** Instances expanded per resource or module call; more is reported and cut (a hostile `count = 1e9`). */
export const MAX_INSTANCES = 1000;

interface Decl<T> {
  node: T;
  file: TfFile;
}

interface ModuleConfig {
  dir: string;
  files: readonly TfFile[];
  variables: Map<string, Decl<Block>>;
  locals: Map<string, Decl<Attribute>>;
  outputs: Map<string, Decl<Attribute>>;
  calls: Map<string, Decl<Block>>;
  resources: (Decl<Block> & { mode: 'managed' | 'data' })[];
  providers: Decl<Block>[];
}

const attributeMaps = new WeakMap<Body, Map<string, Attribute>>();

/** The attributes of a body by name (cached: module instances and resource instances share their bodies). */
export function attributesOf(body: Body): Map<string, Attribute> {
  let m = attributeMaps.get(body);
  if (!m) {
    m = new Map();
    for (const it of body.items) if (it.kind === 'attribute') m.set(it.name, it);
    attributeMaps.set(body, m);
  }
  return m;
}

function buildConfig(dir: string, files: readonly TfFile[]): ModuleConfig {
  const cfg: ModuleConfig = { dir, files, variables: new Map(), locals: new Map(), outputs: new Map(), calls: new Map(), resources: [], providers: [] };
  for (const file of files) {
    for (const it of file.body.items) {
      if (it.kind !== 'block') continue;
      const l0 = it.labels[0]?.value;
      switch (it.type) {
        case 'variable':
          if (l0 !== undefined) cfg.variables.set(l0, { node: it, file });
          break;
        case 'locals':
          for (const a of it.body.items) if (a.kind === 'attribute') cfg.locals.set(a.name, { node: a, file });
          break;
        case 'output':
          for (const a of it.body.items) if (a.kind === 'attribute' && a.name === 'value' && l0 !== undefined) cfg.outputs.set(l0, { node: a, file });
          break;
        case 'module':
          if (l0 !== undefined) cfg.calls.set(l0, { node: it, file });
          break;
        case 'resource':
        case 'data':
          if (it.labels.length === 2) cfg.resources.push({ node: it, file, mode: it.type === 'resource' ? 'managed' : 'data' });
          break;
        case 'provider':
          if (l0 !== undefined) cfg.providers.push({ node: it, file });
          break;
        default:
      }
    }
  }
  return cfg;
}

/** Names mean nothing here: tfvars values, variable defaults and type defaults are constant expressions. */
const CONSTANT_SCOPE: ModuleScope = {
  // Constant expressions are small; a budget shared by all of them still stops a hostile default.
  budget: { steps: MAX_EVAL_STEPS },
  variable: () => {
    throw new EvalError('variables are not available here');
  },
  local: () => {
    throw new EvalError('locals are not available here');
  },
  moduleCall: () => {
    throw new EvalError('modules are not available here');
  },
  refPrefix: '',
  pathModule: '.',
  pathRoot: '.',
};

export function evaluateConstant(e: Expr): unknown {
  return evaluate(e, { mod: CONSTANT_SCOPE });
}

// ---- variable types ----

/** Converts a value to a declared variable type where Terraform would (strings ↔ numbers ↔ bools, optional attributes). */
export function convertToType(value: unknown, type: Expr | undefined, depth = 0): unknown {
  if (!type || value === null || isUnknown(value) || depth > 32) return value;
  if (type.t === 'paren') return convertToType(value, type.e, depth);
  if (type.t === 'var') {
    switch (type.name) {
      case 'string':
        return primitiveToString(value) ?? value;
      case 'number': {
        if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
        return value;
      }
      case 'bool':
        return value === 'true' ? true : value === 'false' ? false : value;
      default:
        return value;
    }
  }
  if (type.t !== 'call') return value;
  const arg = type.args[0];
  switch (type.name) {
    case 'list':
    case 'set':
      if (!Array.isArray(value)) return value;
      return value.map((v) => convertToType(v, arg, depth + 1));
    case 'map':
      if (!isPlainObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertToType(v, arg, depth + 1)]));
    case 'tuple':
      if (!Array.isArray(value) || arg?.t !== 'tuple') return value;
      return value.map((v, i) => convertToType(v, arg.items[i], depth + 1));
    case 'object': {
      if (!isPlainObject(value) || arg?.t !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const it of arg.items) {
        const k = it.staticKey;
        if (k === undefined) continue;
        let t: Expr | undefined = it.value;
        let optional = false;
        let dflt: Expr | undefined;
        if (t.t === 'call' && t.name === 'optional') {
          optional = true;
          dflt = t.args[1];
          t = t.args[0];
        }
        if (Object.prototype.hasOwnProperty.call(value, k) && !(optional && value[k] === null && dflt)) out[k] = convertToType(value[k], t, depth + 1);
        else if (optional) out[k] = dflt ? convertToType(evaluateConstant(dflt), t, depth + 1) : null;
      }
      return out;
    }
    default:
      return value;
  }
}

// ---- evaluation ----

const IN_PROGRESS = Symbol('in progress');

function keySuffix(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

interface Instance {
  key: number | string | undefined;
  count?: unknown;
  each?: { key: unknown; value: unknown };
}

class Evaluator {
  readonly issues: EvaluationIssue[] = [];
  readonly objects: ConfigObject[] = [];
  readonly calledDirs = new Set<string>();
  private readonly configs = new Map<string, ModuleConfig>();
  private readonly reported = new Set<string>();
  readonly budget: EvalBudget = { steps: MAX_EVAL_STEPS };

  constructor(
    readonly rootDir: string,
    readonly reader: ModuleReader | undefined,
  ) {}

  config(dir: string, files: readonly TfFile[]): ModuleConfig {
    let c = this.configs.get(dir);
    if (!c) {
      c = buildConfig(dir, files);
      this.configs.set(dir, c);
    }
    return c;
  }

  /** Reports once per position and message (module instances share their source). */
  report(level: 'error' | 'warning', code: string, message: string, file: TfFile, start: number, end: number): void {
    const key = `${file.path}\0${start}\0${code}\0${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.issues.push({ level, issue: { code, message, location: file.lines.location(start, end) } });
  }

  /** Expands count / for_each of a resource or module call into instances. */
  instances(body: Body, file: TfFile, ctx: EvalContext, what: string): Instance[] {
    const attrs = attributesOf(body);
    const countAttr = attrs.get('count');
    const forEachAttr = attrs.get('for_each');
    if (countAttr) {
      const raw = evaluate(countAttr.expr, ctx);
      const n = isUnknown(raw) ? raw : safeNumber(raw);
      // Not knowable before apply: the configuration is still checked once, with count.index unknown.
      if (isUnknown(n) || n === undefined) return [{ key: undefined, count: unknownFrom(raw) }];
      let total = Math.max(0, Math.floor(n));
      if (total > MAX_INSTANCES) {
        this.report('warning', 'terraform-too-many-instances', `${what} has count = ${total}; only the first ${MAX_INSTANCES} instances are checked`, file, countAttr.r.start, countAttr.r.end);
        total = MAX_INSTANCES;
      }
      return Array.from({ length: total }, (_v, i) => ({ key: i, count: i }));
    }
    if (forEachAttr) {
      const coll = evaluate(forEachAttr.expr, ctx);
      const unknownEach = (): Instance[] => {
        const u = unknownFrom(coll);
        return [{ key: undefined, each: { key: u, value: u } }];
      };
      if (isUnknown(coll) || coll === null) return coll === null ? [] : unknownEach();
      let items: [string, unknown][];
      if (Array.isArray(coll)) {
        // A set of strings: key and value are the element.
        if (!coll.every((x) => typeof x === 'string')) return unknownEach();
        items = [...new Set(coll as string[])].sort().map((s) => [s, s]);
      } else if (isPlainObject(coll)) items = sortedKeys(coll).map((k) => [k, coll[k]]);
      else return unknownEach();
      if (items.length > MAX_INSTANCES) {
        this.report('warning', 'terraform-too-many-instances', `${what} has ${items.length} for_each elements; only the first ${MAX_INSTANCES} are checked`, file, forEachAttr.r.start, forEachAttr.r.end);
        items = items.slice(0, MAX_INSTANCES);
      }
      return items.map(([k, v]) => ({ key: k, each: { key: k, value: v } }));
    }
    return [{ key: undefined }];
  }
}

function safeNumber(v: unknown): number | Unknown | undefined {
  try {
    return toNumber(v);
  } catch {
    return undefined;
  }
}

function isLocalSource(s: string): boolean {
  return s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..';
}

class ModuleInstance implements ModuleScope {
  readonly refPrefix: string;
  readonly pathModule: string;
  readonly pathRoot: string;
  readonly budget: EvalBudget;
  private readonly varCache = new Map<string, unknown>();
  private readonly localCache = new Map<string, unknown>();
  private readonly callCache = new Map<string, { instances: ModuleInstance[]; value: unknown }>();
  private readonly outputCache = new Map<string, unknown>();

  constructor(
    readonly ev: Evaluator,
    readonly config: ModuleConfig,
    /** '' for the root, `module.net`, `module.net["a"]`, `module.a.module.b[0]`. */
    readonly address: string,
    /** The value the caller gives a variable, or undefined when it sets none. */
    readonly input: (name: string) => { value: unknown } | undefined,
    readonly stack: readonly string[],
  ) {
    this.refPrefix = address === '' ? '' : `${address}.`;
    this.pathModule = config.dir;
    this.pathRoot = ev.rootDir;
    this.budget = ev.budget;
  }

  ctx(extra?: Partial<EvalContext>): EvalContext {
    return { mod: this, ...extra };
  }

  variable(name: string): unknown {
    if (this.varCache.has(name)) return this.varCache.get(name);
    const decl = this.config.variables.get(name);
    if (!decl) throw new EvalError(`variable "${name}" is not declared`);
    const attrs = attributesOf(decl.node.body);
    const type = attrs.get('type')?.expr;
    const given = this.input(name);
    const dflt = attrs.get('default');
    let value: unknown;
    if (given !== undefined && !(given.value === null && dflt && isFalseLiteral(attrs.get('nullable')?.expr))) value = given.value;
    else if (dflt) value = evaluateConstant(dflt.expr);
    else value = new Unknown();
    value = convertToType(value, type);
    this.varCache.set(name, value);
    return value;
  }

  local(name: string): unknown {
    const cached = this.localCache.get(name);
    if (cached === IN_PROGRESS) {
      const decl = this.config.locals.get(name)!;
      this.ev.report('error', 'terraform-cycle', `local.${name} depends on itself (a cycle of locals)`, decl.file, decl.node.nameRange.start, decl.node.nameRange.end);
      return new Unknown();
    }
    if (this.localCache.has(name)) return cached;
    const decl = this.config.locals.get(name);
    if (!decl) throw new EvalError(`local.${name} is not declared`);
    this.localCache.set(name, IN_PROGRESS);
    const v = evaluate(decl.node.expr, this.ctx());
    this.localCache.set(name, v);
    return v;
  }

  output(name: string): unknown {
    const cached = this.outputCache.get(name);
    const decl = this.config.outputs.get(name);
    if (cached === IN_PROGRESS) {
      if (decl) this.ev.report('error', 'terraform-cycle', `output "${name}" depends on itself`, decl.file, decl.node.r.start, decl.node.r.end);
      return new Unknown();
    }
    if (this.outputCache.has(name)) return cached;
    if (!decl) return new Unknown();
    this.outputCache.set(name, IN_PROGRESS);
    const v = evaluate(decl.node.expr, this.ctx());
    this.outputCache.set(name, v);
    return v;
  }

  /** Outputs as an object whose values are evaluated when first read (an output evaluates only what it needs). */
  outputsObject(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const name of this.config.outputs.keys()) {
      Object.defineProperty(o, name, {
        enumerable: true,
        configurable: true,
        get: () => {
          const v = this.output(name);
          Object.defineProperty(o, name, { value: v, enumerable: true, writable: false, configurable: false });
          return v;
        },
      });
    }
    return o;
  }

  moduleCall(name: string): unknown {
    return this.call(name).value;
  }

  call(name: string): { instances: ModuleInstance[]; value: unknown } {
    const cached = this.callCache.get(name);
    if (cached) return cached;
    // Guard first: evaluating count / for_each may refer back to this module.
    const pending = { instances: [] as ModuleInstance[], value: new Unknown([`${this.refPrefix}module.${name}`]) as unknown };
    this.callCache.set(name, pending);
    const res = this.expandCall(name);
    this.callCache.set(name, res);
    return res;
  }

  private expandCall(name: string): { instances: ModuleInstance[]; value: unknown } {
    const decl = this.config.calls.get(name);
    const unknownValue = new Unknown([`${this.refPrefix}module.${name}`]);
    if (!decl) throw new EvalError(`module "${name}" is not declared`);
    const { node: block, file } = decl;
    const attrs = attributesOf(block.body);
    const srcAttr = attrs.get('source');
    const source = srcAttr ? evaluateConstant(srcAttr.expr) : undefined;
    const at = srcAttr ?? { r: { start: block.r.start, end: block.headerEnd } };
    if (typeof source !== 'string') {
      this.ev.report('error', 'terraform-module', `module "${name}" has no literal source`, file, at.r.start, at.r.end);
      return { instances: [], value: unknownValue };
    }
    if (!isLocalSource(source)) {
      this.ev.report('warning', 'terraform-module-remote', `module "${name}": source "${source}" is not a local path; remote modules are not downloaded, so their resources are not checked`, file, at.r.start, at.r.end);
      return { instances: [], value: unknownValue };
    }
    if (!this.ev.reader) return { instances: [], value: unknownValue };
    const read = this.ev.reader.read(this.config.dir, source);
    if ('error' in read) {
      this.ev.report('error', 'terraform-module', `module "${name}": ${read.error}`, file, at.r.start, at.r.end);
      return { instances: [], value: unknownValue };
    }
    if (this.stack.includes(read.dir)) {
      this.ev.report('error', 'terraform-cycle', `module "${name}" calls ${read.dir}, which is already being evaluated (a cycle of module calls)`, file, at.r.start, at.r.end);
      return { instances: [], value: unknownValue };
    }
    if (this.stack.length >= MAX_MODULE_DEPTH) {
      this.ev.report('error', 'terraform-module', `module "${name}" is nested more than ${MAX_MODULE_DEPTH} levels deep; not expanded`, file, at.r.start, at.r.end);
      return { instances: [], value: unknownValue };
    }
    this.ev.calledDirs.add(read.dir);
    const cfg = this.ev.config(read.dir, read.files);
    const base = `${this.refPrefix}module.${name}`;
    const list = this.ev.instances(block.body, file, this.ctx(), `module "${name}"`);
    const hasCount = attrs.has('count');
    const hasForEach = attrs.has('for_each');
    const instances = list.map((inst) => {
      const ictx = this.ctx({ ...(inst.count !== undefined ? { count: inst.count } : {}), ...(inst.each ? { each: inst.each } : {}) });
      const input = (v: string): { value: unknown } | undefined => {
        if (META_MODULE.has(v)) return undefined;
        const a = attrs.get(v);
        return a ? { value: evaluate(a.expr, ictx) } : undefined;
      };
      return new ModuleInstance(this.ev, cfg, base + keySuffix(inst.key), input, [...this.stack, read.dir]);
    });
    let value: unknown;
    if (!hasCount && !hasForEach) value = instances[0]?.outputsObject() ?? unknownValue;
    else if (list.length === 1 && list[0]!.key === undefined) value = unknownValue;
    else if (hasCount) value = instances.map((i) => i.outputsObject());
    else value = Object.fromEntries(instances.map((i, k) => [String(list[k]!.key), i.outputsObject()]));
    return { instances, value };
  }
}

const META_MODULE = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
const META_RESOURCE = new Set(['count', 'for_each']);

function isFalseLiteral(e: Expr | undefined): boolean {
  return e?.t === 'lit' && e.v === false;
}

// ---- resource bodies ----

/**
 * Meta-arguments that name things instead of referring to values (`provider = aws.east`,
 * `ignore_changes = [tags, name]`): kept as the text written, not evaluated.
 */
function sourceTextOf(e: Expr, text: string): unknown {
  if (e.t === 'lit') return e.v;
  if (e.t === 'tuple') return e.items.map((x) => sourceTextOf(x, text));
  return text.slice(e.r.start, e.r.end);
}

interface BodyOut {
  supps: InlineSuppression[];
  file: TfFile;
  /** The file has comments that may be suppressions. */
  comments: boolean;
}

const attributeNodes = new WeakMap<Attribute, SrcNode>();

/** Where an attribute is written: the same for every instance of its resource, so shared. */
function attributeNode(a: Attribute): SrcNode {
  let n = attributeNodes.get(a);
  if (!n) {
    n = { s: a.r.start, e: a.r.end, expr: a.expr };
    attributeNodes.set(a, n);
  }
  return n;
}

/** The evaluated body with its source map; nested blocks become lists under their type, `dynamic` blocks are expanded. */
export function evalBody(body: Body, ctx: EvalContext, path: DataPath, out: BodyOut, top: boolean, node: SrcNode): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const kids = (node.kids ??= new Map());
  const addBlock = (type: string, v: Record<string, unknown>, bnode: SrcNode): number => {
    let list = value[type] as Record<string, unknown>[] | undefined;
    let group = kids.get(type);
    if (!list || !Array.isArray(list)) {
      list = [];
      value[type] = list;
      group = { s: bnode.s, e: bnode.e, kids: new Map() };
      kids.set(type, group);
    }
    group!.kids!.set(list.length, bnode);
    list.push(v);
    return list.length - 1;
  };
  for (const it of body.items) {
    if (it.kind === 'attribute') {
      if (top && META_RESOURCE.has(it.name)) continue;
      if (out.comments) {
        const s = out.file.comments.above(it.r.start, () => formatDataPath([...path, it.name]));
        if (s.length > 0) out.supps.push(...s);
      }
      // `provider = aws.east` names a provider configuration; it is not a reference to evaluate.
      const v = (top && it.name === 'provider') || it.name === 'ignore_changes' ? sourceTextOf(it.expr, out.file.text) : evaluate(it.expr, ctx);
      // In Terraform an attribute set to null is the same as an attribute not set: it is left out of the value.
      if (v === null) continue;
      value[it.name] = v;
      kids.set(it.name, attributeNode(it));
      continue;
    }
    if (it.type === 'dynamic' && it.labels.length === 1) {
      expandDynamic(it, ctx, path, out, value, addBlock);
      continue;
    }
    const bnode: SrcNode = { s: it.r.start, e: it.r.end };
    const cur = value[it.type];
    const index = Array.isArray(cur) ? cur.length : 0;
    // Data paths are only needed for comment suppressions: files without comments skip building them.
    const p = out.comments ? [...path, it.type, index] : path;
    if (out.comments) {
      const s = out.file.comments.above(it.r.start, () => formatDataPath(p));
      if (s.length > 0) out.supps.push(...s);
    }
    const v = evalBody(it.body, ctx, p, out, false, bnode);
    addBlock(it.type, v, bnode);
  }
  return value;
}

function expandDynamic(
  it: Block,
  ctx: EvalContext,
  path: DataPath,
  out: BodyOut,
  value: Record<string, unknown>,
  addBlock: (type: string, v: Record<string, unknown>, n: SrcNode) => number,
): void {
  const type = it.labels[0]!.value;
  const attrs = attributesOf(it.body);
  const iterAttr = attrs.get('iterator');
  const iter = iterAttr?.expr.t === 'var' ? iterAttr.expr.name : type;
  const content = it.body.items.find((b): b is Block => b.kind === 'block' && b.type === 'content');
  if (!content) return;
  const forEach = attrs.get('for_each');
  const coll = forEach ? evaluate(forEach.expr, ctx) : new Unknown();
  let items: [unknown, unknown][];
  if (isUnknown(coll)) items = [[coll, coll]];
  else {
    try {
      items = entriesOf(coll);
      if (Array.isArray(coll)) items = items.map(([, v]) => [v, v]);
    } catch {
      items = [[new Unknown(), new Unknown()]];
    }
  }
  for (const [k, v] of items.slice(0, MAX_INSTANCES)) {
    const c = withVar(ctx, iter, { key: k, value: v });
    const cur = value[type];
    const index = Array.isArray(cur) ? cur.length : 0;
    const p = out.comments ? [...path, type, index] : path;
    if (out.comments) {
      const s = out.file.comments.above(it.r.start, () => formatDataPath(p));
      if (s.length > 0) out.supps.push(...s);
    }
    const bnode: SrcNode = { s: it.r.start, e: it.r.end };
    const bv = evalBody(content.body, c, p, out, false, bnode);
    addBlock(type, bv, bnode);
  }
}

// ---- objects ----

function providerOfType(type: string): string {
  const i = type.indexOf('_');
  return i === -1 ? type : type.slice(0, i);
}

function emitResource(ev: Evaluator, inst: ModuleInstance, decl: ModuleConfig['resources'][number]): void {
  const { node: block, file, mode } = decl;
  const type = block.labels[0]!.value;
  const name = block.labels[1]!.value;
  const kind = mode === 'data' ? `data.${type}` : type;
  const base = `${inst.refPrefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  const list = ev.instances(block.body, file, inst.ctx(), base);
  const headerSupps = [...file.comments.above(block.r.start, ''), ...file.comments.checkovWithin(block.r.start, block.r.end)];
  for (const i of list) {
    const ctx = inst.ctx({ ...(i.count !== undefined ? { count: i.count } : {}), ...(i.each ? { each: i.each } : {}) });
    const root: SrcNode = { s: block.r.start, e: block.headerEnd };
    const out: BodyOut = { supps: [...headerSupps], file, comments: file.comments.hasSuppressions };
    const value = evalBody(block.body, ctx, [], out, true, root);
    const obj: ConfigObject = {
      target: 'terraform',
      apiVersion: providerOfType(type),
      kind,
      name: base + keySuffix(i.key),
      namespace: '',
      labels: {},
      annotations: { 'terraform.io/module': inst.address, 'terraform.io/name': name },
      value,
      file: file.path,
      docIndex: 0,
      basePath: [],
      source: new HclLocator(file.lines, root),
      docText: () => file.text.slice(block.r.start, block.r.end),
      inlineSuppressions: out.supps,
    };
    ev.objects.push(obj);
    if (mode === 'managed') {
      const k8s = kubernetesObjectFor(obj, root, file.lines);
      if (k8s) ev.objects.push(k8s);
    }
  }
}

function emitProvider(ev: Evaluator, inst: ModuleInstance, decl: Decl<Block>): void {
  const { node: block, file } = decl;
  const pname = block.labels[0]!.value;
  const root: SrcNode = { s: block.r.start, e: block.headerEnd };
  const out: BodyOut = { supps: [...file.comments.above(block.r.start, ''), ...file.comments.checkovWithin(block.r.start, block.r.end)], file, comments: file.comments.hasSuppressions };
  const value = evalBody(block.body, inst.ctx(), [], out, true, root);
  const alias = typeof value.alias === 'string' ? `.${value.alias}` : '';
  ev.objects.push({
    target: 'terraform',
    apiVersion: pname,
    kind: `provider.${pname}`,
    name: `${inst.refPrefix}provider.${pname}${alias}`,
    namespace: '',
    labels: {},
    annotations: { 'terraform.io/module': inst.address, 'terraform.io/name': pname },
    value,
    file: file.path,
    docIndex: 0,
    basePath: [],
    source: new HclLocator(file.lines, root),
    docText: () => file.text.slice(block.r.start, block.r.end),
    inlineSuppressions: out.supps,
  });
}

function emitModule(ev: Evaluator, inst: ModuleInstance): void {
  for (const r of inst.config.resources) emitResource(ev, inst, r);
  for (const p of inst.config.providers) emitProvider(ev, inst, p);
  for (const name of inst.config.calls.keys()) {
    let call: { instances: ModuleInstance[] };
    try {
      call = inst.call(name);
    } catch (e) {
      if (e instanceof EvalError) continue;
      throw e;
    }
    for (const child of call.instances) emitModule(ev, child);
  }
}

/** Root variable values from tfvars files and -var, in increasing priority. */
function rootValues(cfg: ModuleConfig, varFiles: readonly TfFile[], cliVars: Readonly<Record<string, string>>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const f of varFiles) for (const it of f.body.items) if (it.kind === 'attribute') values.set(it.name, evaluateConstant(it.expr));
  for (const [name, raw] of Object.entries(cliVars)) {
    const decl = cfg.variables.get(name);
    const type = decl ? attributesOf(decl.node.body).get('type')?.expr : undefined;
    // As Terraform does: a string (or untyped) variable takes the text as is; other types parse it as an expression.
    if (!type || (type.t === 'var' && type.name === 'string')) values.set(name, raw);
    else {
      const parsed = parseHclExpression(raw);
      values.set(name, parsed.expr && parsed.issues.length === 0 ? evaluateConstant(parsed.expr) : raw);
    }
  }
  return values;
}

/** Evaluates one root module (and every local module it calls) into ConfigObjects. */
export function evaluateRootModule(input: RootModuleInput): EvaluationResult {
  const ev = new Evaluator(input.dir, input.reader);
  const cfg = ev.config(input.dir, input.files);
  const values = rootValues(cfg, input.varFiles ?? [], input.cliVars ?? {});
  const root = new ModuleInstance(ev, cfg, '', (name) => (values.has(name) ? { value: values.get(name) } : undefined), [input.dir]);
  emitModule(ev, root);
  if (ev.budget.steps < 0 && input.files[0]) {
    ev.report('warning', 'terraform-eval-limit', `evaluation of module ${input.dir} stopped after ${MAX_EVAL_STEPS} steps (for expressions, template loops and function calls); the values left are unknown`, input.files[0], 0, 0);
  }
  return { objects: ev.objects, issues: ev.issues, calledDirs: ev.calledDirs };
}

