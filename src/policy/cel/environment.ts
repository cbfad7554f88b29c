import { celEnv, isCelError, parse, plan, type CelEnv, type CelFunc, type CelInput, type CelValue } from '@bufbuild/cel';
import { createRegistry, type Registry } from '@bufbuild/protobuf';
import { processAst } from './ast.js';
import { KUBERNETES_CEL_FUNCTIONS, withIterationBudget } from './lib/index.js';
import { RESERVED_PREFIX, rewriteOptionalSyntax } from './optional-syntax.js';
import { OPAQUE_TYPES_REGISTRY, TYPE_NAMESPACES } from './types.js';

/**
 * Palisade's CEL environment: @bufbuild/cel (the CEL evaluator Buf tests against the official cel-spec conformance
 * suite) with the Kubernetes libraries and extensions, compile-time checks a type checker would otherwise give, an
 * iteration budget, and a compile cache. Pure: no I/O, no clock.
 */

export interface CelLimits {
  /** Characters in one expression. */
  maxExpressionLength: number;
  /** AST nodes in one expression (after macro expansion). */
  maxAstNodes: number;
  /** Comprehension iterations (all macros together) in one evaluation. */
  maxIterations: number;
}

export const DEFAULT_CEL_LIMITS: CelLimits = {
  maxExpressionLength: 16 * 1024,
  maxAstNodes: 10_000,
  // About half a second of the slowest comprehension body measured; no real policy comes near it.
  maxIterations: 500_000,
};

export interface CelEnvironmentOptions {
  /** Variables expressions may read; anything else is an "undeclared reference" compile error. */
  variables: readonly string[];
  /** Known field names of map-valued variables (e.g. `variables` → the policy's variable names), checked at compile time. */
  fields?: Readonly<Record<string, readonly string[]>>;
  limits?: Partial<CelLimits>;
  /** Extra protobuf types (the conformance suite's test messages). */
  registry?: Registry;
  /** CEL container: the namespace unqualified names are resolved in. */
  container?: string;
  /** Extra functions; one with the same overload id as a built-in replaces it. */
  functions?: readonly CelFunc[];
}

/** A problem at a place in an expression: 0-based `offset`, 1-based `line` and `column`. */
export interface CelSourcePosition {
  offset: number;
  line: number;
  column: number;
}

export interface CelCompileError extends CelSourcePosition {
  message: string;
}

export type CelEvalResult = { ok: true; value: CelValue } | { ok: false; message: string; position?: CelSourcePosition; budgetExceeded?: boolean };

export interface CelProgram {
  readonly expression: string;
  /** Top-level variables the expression reads. */
  readonly references: ReadonlySet<string>;
  /** Field names read on map-valued variables declared with `fields` (`'*'`: the whole map). */
  readonly fieldReferences: ReadonlyMap<string, ReadonlySet<string>>;
  /** Evaluates with the given bindings (already CEL values; see `toCel` for plain data). Never throws. */
  evaluate(bindings: Readonly<Record<string, CelInput>>): CelEvalResult;
}

export type CelCompileResult = { ok: true; program: CelProgram } | { ok: false; error: CelCompileError };

export class CelEnvironment {
  readonly limits: CelLimits;
  private readonly env: CelEnv;
  private readonly variables: ReadonlySet<string>;
  private readonly fields: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly typePrefixes = new Set<string>();
  private readonly container: string;
  private readonly cache = new Map<string, CelCompileResult>();

  constructor(options: CelEnvironmentOptions) {
    this.limits = { ...DEFAULT_CEL_LIMITS, ...options.limits };
    this.variables = new Set(options.variables);
    this.fields = new Map(Object.entries(options.fields ?? {}).map(([k, v]) => [k, new Set(v)]));
    this.container = options.container ?? '';
    const registry = options.registry ? createRegistry(OPAQUE_TYPES_REGISTRY, options.registry) : OPAQUE_TYPES_REGISTRY;
    this.env = celEnv({
      registry,
      namespace: this.container,
      funcs: [...KUBERNETES_CEL_FUNCTIONS, ...(options.functions ?? [])],
    });
    for (const t of ['int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type', 'optional_type', ...TYPE_NAMESPACES]) this.typePrefixes.add(t);
    for (const desc of this.env.registry) addPrefixes(this.typePrefixes, desc.typeName);
    for (const fn of this.env.funcs) if (fn.name.includes('.')) addPrefixes(this.typePrefixes, fn.name.slice(0, fn.name.lastIndexOf('.')));
  }

  /** Compiles once per distinct text; later calls return the cached result. */
  compile(expression: string): CelCompileResult {
    const hit = this.cache.get(expression);
    if (hit) return hit;
    const result = this.compileUncached(expression);
    this.cache.set(expression, result);
    return result;
  }

  private compileUncached(source: string): CelCompileResult {
    const fail = (message: string, offset: number): CelCompileResult => ({ ok: false, error: { message, ...positionIn(source, offset) } });
    if (source.trim() === '') return fail('expression is empty', 0);
    if (source.length > this.limits.maxExpressionLength) return fail(`expression is ${source.length} characters long (limit ${this.limits.maxExpressionLength})`, 0);
    const reserved = source.indexOf(RESERVED_PREFIX);
    if (reserved >= 0) return fail(`names starting with ${RESERVED_PREFIX} are reserved`, reserved);

    const rewritten = rewriteOptionalSyntax(source);
    let parsed: ReturnType<typeof parse>;
    try {
      // The trailing newline ends a `// comment` on the last line, which the parser otherwise rejects.
      parsed = parse(rewritten.text + '\n');
    } catch (e) {
      if (e instanceof RangeError) return fail('expression is nested too deeply', 0);
      const err = e as { rawMessage?: string; message?: string; location?: { start?: { offset?: number } }; found?: string | null };
      const offset = rewritten.toOriginal(err.location?.start?.offset ?? 0);
      const raw = err.rawMessage ?? err.message ?? String(e);
      const detail = /[[{,]\s*\?/.test(source) ? `${raw} (optional list elements [?x] and map entries {?k: v} are not supported)` : raw;
      return fail(`syntax error: ${detail}`, offset);
    }
    const positions = parsed.sourceInfo?.positions ?? {};
    const offsetOf = (id: bigint): number => rewritten.toOriginal(positions[id.toString()] ?? 0);

    let ast: ReturnType<typeof processAst>;
    try {
      ast = processAst(parsed.expr, positions, {
        variables: this.variables,
        fields: this.fields,
        isTypeOrNamespace: (name) => this.isTypeOrNamespace(name),
        hasFunction: (name) => this.hasFunction(name),
        maxNodes: this.limits.maxAstNodes,
      });
    } catch (e) {
      if (e instanceof RangeError) return fail('expression is nested too deeply', 0);
      throw e;
    }
    const first = ast.issues[0];
    if (first) return fail(first.message, offsetOf(first.exprId));
    parsed.expr = ast.expr;

    let run: (ctx: Record<string, CelInput>) => CelValue;
    try {
      run = plan(this.env, parsed) as never;
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e), 0);
    }

    const limits = this.limits;
    const program: CelProgram = {
      expression: source,
      references: ast.references,
      fieldReferences: ast.fieldReferences,
      evaluate(bindings) {
        try {
          const { result, exceeded } = withIterationBudget(limits.maxIterations, () => run(bindings as Record<string, CelInput>));
          if (exceeded) {
            return { ok: false, message: `evaluation exceeded the budget of ${limits.maxIterations} comprehension iterations`, budgetExceeded: true };
          }
          if (isCelError(result)) {
            const position = result.exprId !== undefined ? positionIn(source, offsetOf(result.exprId)) : undefined;
            const message = celGoWording(result.message);
            return position ? { ok: false, message, position } : { ok: false, message };
          }
          return { ok: true, value: result };
        } catch (e) {
          // The library returns errors as values; what still throws is the JavaScript engine (a stack overflow on a
          // pathological value), which must not take the scan down.
          return { ok: false, message: e instanceof RangeError ? 'evaluation is nested too deeply' : `evaluation failed: ${e instanceof Error ? e.message : String(e)}` };
        }
      },
    };
    return { ok: true, program };
  }

  private isTypeOrNamespace(name: string): boolean {
    if (this.typePrefixes.has(name)) return true;
    if (this.container === '') return false;
    // Names resolve inside the container first: `a.b.c` + `X` → `a.b.c.X`, `a.b.X`, `a.X`.
    const parts = this.container.split('.');
    for (let i = parts.length; i > 0; i--) if (this.typePrefixes.has(`${parts.slice(0, i).join('.')}.${name}`)) return true;
    return false;
  }

  private hasFunction(name: string): boolean {
    if (this.env.funcs.find(name)) return true;
    if (this.container === '') return false;
    const parts = this.container.split('.');
    for (let i = parts.length; i > 0; i--) if (this.env.funcs.find(`${parts.slice(0, i).join('.')}.${name}`)) return true;
    return false;
  }
}

/** The library's wording for the errors users meet most, in cel-go's (and so the Kubernetes API server's) words. */
function celGoWording(message: string): string {
  return message.replace(/^field not found: /, 'no such key: ').replace(/^unresolved attribute$/, 'no such attribute');
}

function addPrefixes(set: Set<string>, dotted: string): void {
  const parts = dotted.split('.');
  for (let i = 1; i <= parts.length; i++) set.add(parts.slice(0, i).join('.'));
}

/** 0-based offset → 1-based line and column (columns count UTF-16 code units, like editors and the YAML source map). */
export function positionIn(text: string, offset: number): CelSourcePosition {
  const o = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < o; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: o, line, column: o - lineStart + 1 };
}
