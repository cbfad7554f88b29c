/**
 * Evaluates HCL expressions to plain values. Everything that Terraform only knows at apply time, and everything we
 * cannot evaluate (an unsupported function, a type error), becomes an {@link Unknown} — never a guess. References to
 * resources and data sources become unknowns that remember the address, so checks can relate resources.
 */
import type { Expr, ForExpr, TemplatePart } from './ast.js';
import { callFunction, FunctionError } from './functions.js';
import { containsUnknown, isPlainObject, isUnknown, primitiveToString, typeName, Unknown, unknownFrom, valuesEqual } from './values.js';

/** An expression that is wrong for its values (Terraform would refuse it). It becomes an unknown unless `try` catches it. */
export class EvalError extends Error {
  constructor(message: string) {
    // Thrown and caught by the thousand on large configurations (`try`, unknown shapes): a stack trace is wasted work.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** Work one evaluation may do: hostile configurations (nested for expressions over ranges, strings doubled by locals) stop here. */
export interface EvalBudget {
  /** Iterations of for expressions and template loops, and function calls, left. */
  steps: number;
}

export const MAX_EVAL_STEPS = 5_000_000;
/** Longest string and list an expression may build. */
export const MAX_STRING_LENGTH = 10_000_000;
export const MAX_LIST_LENGTH = 1_000_000;

export function spend(b: EvalBudget, n = 1): void {
  b.steps -= n;
  if (b.steps < 0) throw new EvalError(`evaluation stopped after ${MAX_EVAL_STEPS} steps`);
}

/** What names mean in one module instance: implemented by the module evaluator. */
export interface ModuleScope {
  /** Shared by every module instance of one root evaluation. */
  readonly budget: EvalBudget;
  variable(name: string): unknown;
  local(name: string): unknown;
  /** The value of `module.<name>`: its outputs (a list or map of them with count / for_each). */
  moduleCall(name: string): unknown;
  /** `module.net.` inside module net, '' in the root: references to resources are prefixed with it. */
  readonly refPrefix: string;
  readonly pathModule: string;
  readonly pathRoot: string;
}

export interface EvalContext {
  mod: ModuleScope;
  /** Iteration variables (for expressions, dynamic block iterators, template for), innermost last. */
  vars?: VarFrame;
  count?: unknown;
  each?: { key: unknown; value: unknown };
  /** Inside `try()` / `can()`: errors must reach them instead of becoming unknowns. */
  inTry?: number;
}

export interface VarFrame {
  name: string;
  value: unknown;
  parent: VarFrame | undefined;
}

export function withVar(ctx: EvalContext, name: string, value: unknown): EvalContext {
  return { ...ctx, vars: { name, value, parent: ctx.vars } };
}

function lookupVar(ctx: EvalContext, name: string): { found: boolean; value: unknown } {
  for (let f = ctx.vars; f; f = f.parent) if (f.name === name) return { found: true, value: f.value };
  return { found: false, value: undefined };
}

/** Evaluates, turning an error into an unknown (outside `try`). */
export function evaluate(e: Expr, ctx: EvalContext): unknown {
  if (ctx.inTry) return evalExpr(e, ctx);
  try {
    return evalExpr(e, ctx);
  } catch (err) {
    // A RangeError is the engine's own limit (string or array length): the value is as unknown as any other failure.
    if (err instanceof EvalError || err instanceof FunctionError || err instanceof RangeError) return new Unknown();
    throw err;
  }
}

export function toBool(v: unknown): boolean | Unknown {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (isUnknown(v)) return v;
  throw new EvalError(`a bool is required, got ${typeName(v)}`);
}

export function toNumber(v: unknown): number | Unknown {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (isUnknown(v)) return v;
  throw new EvalError(`a number is required, got ${typeName(v)}`);
}

/** Sorted keys, as Terraform iterates maps and objects. */
export function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function evalExpr(e: Expr, ctx: EvalContext): unknown {
  switch (e.t) {
    case 'lit':
      return e.v;
    case 'paren':
      return evalExpr(e.e, ctx);
    case 'tmpl':
      return evalTemplate(e.parts, ctx, true);
    case 'tuple':
      return e.items.map((it) => evaluate(it, ctx));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const it of e.items) {
        let key: unknown;
        if (it.staticKey !== undefined && (it.key.t === 'lit' || it.key.t === 'var')) key = it.staticKey;
        else key = evalExpr(it.key.t === 'var' ? { t: 'lit', v: it.key.name, r: it.key.r } : it.key, ctx);
        if (isUnknown(key)) return unknownFrom(key);
        const k = primitiveToString(key);
        if (k === undefined) throw new EvalError(`an object key must be a string, got ${typeName(key)}`);
        out[k] = evaluate(it.value, ctx);
      }
      return out;
    }
    case 'var':
    case 'getattr':
    case 'index':
      return evalTraversal(e, ctx);
    case 'splat': {
      const src = evalExpr(e.src, ctx);
      if (isUnknown(src)) return src;
      const list = src === null ? [] : Array.isArray(src) ? src : [src];
      return list.map((item) => evalExpr(e.each, withVar(ctx, '\u0000splat', item)));
    }
    case 'splatitem': {
      const v = lookupVar(ctx, '\u0000splat');
      if (!v.found) throw new EvalError('splat item outside a splat');
      return v.value;
    }
    case 'call':
      return evalCall(e, ctx);
    case 'cond': {
      const c = toBool(evalExpr(e.cond, ctx));
      if (isUnknown(c)) return unknownFrom(c, evaluate(e.then, ctx), evaluate(e.else, ctx));
      return c ? evalExpr(e.then, ctx) : evalExpr(e.else, ctx);
    }
    case 'unop': {
      const v = evalExpr(e.e, ctx);
      if (e.op === '!') {
        const b = toBool(v);
        return isUnknown(b) ? b : !b;
      }
      const n = toNumber(v);
      return isUnknown(n) ? n : -n;
    }
    case 'binop':
      return evalBinary(e.op, e.left, e.right, ctx);
    case 'for':
      return evalFor(e, ctx);
    case 'invalid':
      return new Unknown();
  }
}

function evalBinary(op: string, le: Expr, re: Expr, ctx: EvalContext): unknown {
  const l = evalExpr(le, ctx);
  if (op === '&&' || op === '||') {
    const lb = toBool(l);
    // Modern Terraform short-circuits on a known left side.
    if (lb === false && op === '&&') return false;
    if (lb === true && op === '||') return true;
    const rb = toBool(evalExpr(re, ctx));
    if (isUnknown(lb) || isUnknown(rb)) {
      if (op === '&&' && rb === false) return false;
      if (op === '||' && rb === true) return true;
      return unknownFrom(lb, rb);
    }
    return rb;
  }
  const r = evalExpr(re, ctx);
  if (op === '==' || op === '!=') {
    const eq = valuesEqual(l, r);
    if (eq === undefined) return unknownFrom(l, r);
    return op === '==' ? eq : !eq;
  }
  const a = toNumber(l);
  const b = toNumber(r);
  if (isUnknown(a) || isUnknown(b)) return unknownFrom(a, b);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new EvalError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new EvalError('modulo by zero');
      return a % b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      throw new EvalError(`unknown operator ${op}`);
  }
}

/** Iterates a list (index, item) or map (key, value, in key order); undefined for an unknown collection. */
export function entriesOf(coll: unknown): [unknown, unknown][] {
  if (Array.isArray(coll)) return coll.map((v, i) => [i, v]);
  if (isPlainObject(coll)) return sortedKeys(coll).map((k) => [k, coll[k]]);
  if (coll === null) throw new EvalError('cannot iterate over null');
  throw new EvalError(`cannot iterate over ${typeName(coll)}`);
}

function evalFor(e: ForExpr, ctx: EvalContext): unknown {
  const coll = evalExpr(e.coll, ctx);
  if (isUnknown(coll)) return coll;
  const items = entriesOf(coll);
  spend(ctx.mod.budget, items.length);
  const outList: unknown[] = [];
  const outObj: Record<string, unknown> = {};
  for (const [k, v] of items) {
    let c = withVar(ctx, e.valVar, v);
    if (e.keyVar !== undefined) c = withVar(c, e.keyVar, k);
    if (e.cond) {
      const keep = toBool(evalExpr(e.cond, c));
      if (isUnknown(keep)) return unknownFrom(keep);
      if (!keep) continue;
    }
    if (e.keyExpr) {
      const key = evalExpr(e.keyExpr, c);
      if (isUnknown(key)) return unknownFrom(key);
      const ks = primitiveToString(key);
      if (ks === undefined) throw new EvalError(`a for expression key must be a string, got ${typeName(key)}`);
      const val = evaluate(e.valExpr, c);
      if (e.group) {
        const list = (outObj[ks] as unknown[] | undefined) ?? [];
        list.push(val);
        outObj[ks] = list;
      } else {
        if (Object.prototype.hasOwnProperty.call(outObj, ks)) throw new EvalError(`duplicate key "${ks}" in a for expression (use ... to group)`);
        outObj[ks] = val;
      }
    } else outList.push(evaluate(e.valExpr, c));
  }
  return e.keyExpr ? outObj : outList;
}

/** Template text; `single`: a template that is one interpolation yields its value unconverted, as in Terraform. */
function evalTemplate(parts: readonly TemplatePart[], ctx: EvalContext, single: boolean): unknown {
  if (single && parts.length === 1 && parts[0]!.t === 'interp') return evalExpr(parts[0]!.e, ctx);
  let out = '';
  const unknowns: unknown[] = [];
  const append = (v: unknown): void => {
    if (isUnknown(v)) {
      unknowns.push(v);
      return;
    }
    const s = primitiveToString(v);
    if (s === undefined) throw new EvalError(v === null ? 'a template cannot interpolate null' : `a template cannot interpolate a ${typeName(v)}`);
    if (out.length + s.length > MAX_STRING_LENGTH) throw new EvalError(`a string longer than ${MAX_STRING_LENGTH} characters`);
    out += s;
  };
  for (const p of parts) {
    switch (p.t) {
      case 'lit':
        out += p.s;
        break;
      case 'interp':
        append(evalExpr(p.e, ctx));
        break;
      case 'if': {
        const c = toBool(evalExpr(p.cond, ctx));
        if (isUnknown(c)) unknowns.push(c);
        else append(evalTemplate(c ? p.then : p.else, ctx, false));
        break;
      }
      case 'for': {
        const coll = evalExpr(p.coll, ctx);
        if (isUnknown(coll)) {
          unknowns.push(coll);
          break;
        }
        const entries = entriesOf(coll);
        spend(ctx.mod.budget, entries.length);
        for (const [k, v] of entries) {
          let c = withVar(ctx, p.valVar, v);
          if (p.keyVar !== undefined) c = withVar(c, p.keyVar, k);
          append(evalTemplate(p.body, c, false));
        }
        break;
      }
    }
  }
  if (unknowns.length > 0) return unknownFrom(...unknowns);
  return out;
}

function evalCall(e: Extract<Expr, { t: 'call' }>, ctx: EvalContext): unknown {
  const name = e.name;
  if (name === 'try') {
    const inner = { ...ctx, inTry: (ctx.inTry ?? 0) + 1 };
    for (const a of e.args) {
      try {
        const v = evalExpr(a, inner);
        return v;
      } catch (err) {
        if (!(err instanceof EvalError || err instanceof FunctionError)) throw err;
      }
    }
    throw new EvalError('no argument of try() could be evaluated');
  }
  if (name === 'can') {
    if (e.args.length !== 1) throw new EvalError('can() takes one argument');
    try {
      const v = evalExpr(e.args[0]!, { ...ctx, inTry: (ctx.inTry ?? 0) + 1 });
      return containsUnknown(v) ? unknownFrom(v) : true;
    } catch (err) {
      if (!(err instanceof EvalError || err instanceof FunctionError)) throw err;
      return false;
    }
  }
  let args = e.args.map((a) => evalExpr(a, ctx));
  if (e.expand && args.length > 0) {
    const last = args[args.length - 1];
    if (isUnknown(last)) return last;
    if (!Array.isArray(last)) throw new EvalError(`'...' needs a list, got ${typeName(last)}`);
    args = [...args.slice(0, -1), ...last];
  }
  spend(ctx.mod.budget);
  const result = callFunction(name, args, ctx.mod);
  if (typeof result === 'string' && result.length > MAX_STRING_LENGTH) throw new EvalError(`${name}() built a string longer than ${MAX_STRING_LENGTH} characters`);
  if (Array.isArray(result) && result.length > MAX_LIST_LENGTH) throw new EvalError(`${name}() built a list longer than ${MAX_LIST_LENGTH} elements`);
  return result;
}

// ---- traversals ----

type Step = { kind: 'attr'; name: string } | { kind: 'index'; key: Expr };

function evalTraversal(e: Expr, ctx: EvalContext): unknown {
  const steps: Step[] = [];
  let root = e;
  while (root.t === 'getattr' || root.t === 'index') {
    steps.push(root.t === 'getattr' ? { kind: 'attr', name: root.name } : { kind: 'index', key: root.key });
    root = root.obj;
  }
  steps.reverse();
  let value: unknown;
  let used = 0;
  if (root.t !== 'var') value = evalExpr(root, ctx);
  else {
    const r = resolveRoot(root.name, steps, ctx);
    value = r.value;
    used = r.used;
  }
  for (let i = used; i < steps.length; i++) {
    if (isUnknown(value)) return value;
    value = applyStep(value, steps[i]!, ctx);
  }
  return value;
}

function applyStep(value: unknown, step: Step, ctx: EvalContext): unknown {
  if (step.kind === 'attr') {
    if (isPlainObject(value)) {
      if (Object.prototype.hasOwnProperty.call(value, step.name)) return value[step.name];
      throw new EvalError(`object has no attribute "${step.name}"`);
    }
    throw new EvalError(`cannot read attribute "${step.name}" of a ${typeName(value)}`);
  }
  const key = evalExpr(step.key, ctx);
  if (isUnknown(key)) return unknownFrom(key);
  return indexValue(value, key);
}

export function indexValue(value: unknown, key: unknown): unknown {
  if (Array.isArray(value)) {
    const n = typeof key === 'number' ? key : typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : NaN;
    if (!Number.isInteger(n)) throw new EvalError(`a list index must be a whole number, got ${typeName(key)}`);
    if (n < 0 || n >= value.length) throw new EvalError(`index ${n} is out of range for a list of ${value.length}`);
    return value[n];
  }
  if (isPlainObject(value)) {
    const k = primitiveToString(key);
    if (k === undefined) throw new EvalError(`a map key must be a string, got ${typeName(key)}`);
    if (Object.prototype.hasOwnProperty.call(value, k)) return value[k];
    throw new EvalError(`the map has no element "${k}"`);
  }
  throw new EvalError(`cannot index a ${typeName(value)}`);
}

function attrName(step: Step | undefined): string | undefined {
  return step?.kind === 'attr' ? step.name : undefined;
}

/** `[0]` / `["a"]` after a resource name, as it appears in an address; undefined when the key is not known. */
function instanceKey(step: Step | undefined, ctx: EvalContext): string | undefined {
  if (step?.kind !== 'index') return undefined;
  let key: unknown;
  try {
    key = evalExpr(step.key, ctx);
  } catch {
    return undefined;
  }
  if (typeof key === 'number' && Number.isInteger(key)) return `[${key}]`;
  if (typeof key === 'string') return `[${JSON.stringify(key)}]`;
  return undefined;
}

function resolveRoot(name: string, steps: readonly Step[], ctx: EvalContext): { value: unknown; used: number } {
  const local = lookupVar(ctx, name);
  if (local.found) return { value: local.value, used: 0 };
  const first = attrName(steps[0]);
  switch (name) {
    case 'var':
      if (first === undefined) throw new EvalError('var must be followed by a variable name');
      return { value: ctx.mod.variable(first), used: 1 };
    case 'local':
      if (first === undefined) throw new EvalError('local must be followed by a name');
      return { value: ctx.mod.local(first), used: 1 };
    case 'count':
      if (first !== 'index') throw new EvalError('count has only the attribute index');
      if (ctx.count === undefined) throw new EvalError('count.index is only available in a resource or module with count');
      return { value: ctx.count, used: 1 };
    case 'each':
      if (first !== 'key' && first !== 'value') throw new EvalError('each has only the attributes key and value');
      if (ctx.each === undefined) throw new EvalError('each is only available in a resource or module with for_each');
      return { value: first === 'key' ? ctx.each.key : ctx.each.value, used: 1 };
    case 'path':
      if (first === 'module') return { value: ctx.mod.pathModule, used: 1 };
      if (first === 'root') return { value: ctx.mod.pathRoot, used: 1 };
      if (first === 'cwd') return { value: '.', used: 1 };
      throw new EvalError('path has only module, root and cwd');
    case 'terraform':
      if (first === 'workspace') return { value: 'default', used: 1 };
      return { value: new Unknown(), used: steps.length };
    case 'self':
      return { value: new Unknown(), used: steps.length };
    case 'module':
      if (first === undefined) throw new EvalError('module must be followed by a module name');
      return { value: ctx.mod.moduleCall(first), used: 1 };
    case 'data': {
      const type = first;
      const dname = attrName(steps[1]);
      if (type === undefined || dname === undefined) throw new EvalError('data must be followed by a type and a name');
      const key = instanceKey(steps[2], ctx);
      return { value: new Unknown([`${ctx.mod.refPrefix}data.${type}.${dname}${key ?? ''}`]), used: key ? 3 : 2 };
    }
    default: {
      if (first === undefined) throw new EvalError(`unknown name "${name}"`);
      const key = instanceKey(steps[1], ctx);
      return { value: new Unknown([`${ctx.mod.refPrefix}${name}.${first}${key ?? ''}`]), used: key ? 2 : 1 };
    }
  }
}

