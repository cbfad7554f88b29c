import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { APPEND, BUDGET, OPT_HAS, OPT_INDEX, OPT_SELECT, REGEX_ARGUMENTS, compileRe2 } from './lib/index.js';
import { OPT_FIELD_PREFIX, OPT_INDEX_FUNCTION } from './optional-syntax.js';

/*
 * One pass over the parsed AST between parsing and planning:
 *  - turns the rewritten optional syntax back into optional selection (see optional-syntax.ts), propagating it along a
 *    chain (`a.?b.c` selects `c` optionally too, as cel-go does), and expands the `optMap` / `optFlatMap` macros;
 *  - inserts the runtime guards (iteration budget, flat list append; see lib/runtime.ts);
 *  - checks what a type checker would catch without schemas: undeclared variables, unknown functions, unknown
 *    `variables.<name>`, invalid constant regular expressions, and the size of the expression.
 * @bufbuild/cel evaluates unchecked ASTs, so without this a typo (`objet.spec`) would only surface as an evaluation error
 * on every object, instead of as a compile error pointing at the policy file.
 */

type Kind = Expr['exprKind'];

export interface AstScope {
  /** Top-level variables callers bind (`object`, `request`, …). */
  variables: ReadonlySet<string>;
  /** Known field names of map-valued variables, checked on `variable.field` (e.g. `variables` → its declared names). */
  fields: ReadonlyMap<string, ReadonlySet<string>>;
  /** Identifier roots that name types or function namespaces (`int`, `google`, `kubernetes`, `optional`, …). */
  isTypeOrNamespace(qualifiedName: string): boolean;
  /** True when a function (or method) of that name exists. */
  hasFunction(name: string): boolean;
  maxNodes: number;
}

export interface AstIssue {
  message: string;
  /** Expression id whose source position locates the issue. */
  exprId: bigint;
}

export interface AstResult {
  expr: Expr;
  issues: AstIssue[];
  /** Top-level variables the expression reads. */
  references: Set<string>;
  /** `variables.<name>` the expression reads, per map-valued variable; '*' when it reads the whole map. */
  fieldReferences: Map<string, Set<string>>;
}

const OPTIONAL_CONSTRUCTORS = new Set(['optional.of', 'optional.ofNonZeroValue', 'optional.none']);
const MACROS = new Set(['all', 'exists', 'exists_one', 'existsOne', 'map', 'filter', 'has', 'optMap', 'optFlatMap']);

export function processAst(root: Expr, positions: { [id: string]: number }, scope: AstScope): AstResult {
  let maxId = 0n;
  for (const id of Object.keys(positions)) if (BigInt(id) > maxId) maxId = BigInt(id);
  const issues: AstIssue[] = [];
  const references = new Set<string>();
  const fieldReferences = new Map<string, Set<string>>();
  let nodes = 0;

  const node = (kind: Kind, like: Expr): Expr => {
    maxId++;
    positions[maxId.toString()] = positions[like.id.toString()] ?? 0;
    return { $typeName: 'cel.expr.Expr', id: maxId, exprKind: kind } as Expr;
  };
  const ident = (name: string, like: Expr): Expr => node({ case: 'identExpr', value: { $typeName: 'cel.expr.Expr.Ident', name } } as Kind, like);
  const str = (value: string, like: Expr): Expr =>
    node({ case: 'constExpr', value: { $typeName: 'cel.expr.Constant', constantKind: { case: 'stringValue', value } } } as Kind, like);
  const bool = (value: boolean, like: Expr): Expr =>
    node({ case: 'constExpr', value: { $typeName: 'cel.expr.Constant', constantKind: { case: 'boolValue', value } } } as Kind, like);
  const call = (fn: string, args: Expr[], like: Expr, target?: Expr): Expr =>
    node({ case: 'callExpr', value: { $typeName: 'cel.expr.Expr.Call', function: fn, args, ...(target ? { target } : {}) } } as Kind, like);
  const list = (elements: Expr[], like: Expr): Expr =>
    node({ case: 'listExpr', value: { $typeName: 'cel.expr.Expr.CreateList', elements, optionalIndices: [] } } as Kind, like);

  /**
   * Whether `e` is statically known to produce an optional: an optional selection chain, `optional.of(…)` and friends,
   * or `.or(…)` on one. Selecting a field of such a value selects inside it (`optional.of(m).c` is `m.?c`), as in cel-go.
   */
  const isOptChain = (e: Expr): boolean => {
    if (e.exprKind.case !== 'callExpr') return false;
    const c = e.exprKind.value;
    if (c.function === OPT_SELECT || c.function === OPT_INDEX) return true;
    if (!c.target && OPTIONAL_CONSTRUCTORS.has(c.function)) return true;
    if (c.target && c.target.exprKind.case === 'identExpr' && c.target.exprKind.value.name === 'optional' && OPTIONAL_CONSTRUCTORS.has(`optional.${c.function}`)) return true;
    return c.function === 'or' && c.target !== undefined && isOptChain(c.target);
  };

  /** `opt.optMap(x, body)` → `opt.hasValue() ? optional.of(<body with x = opt.value()>) : optional.none()`. */
  const expandOptMap = (e: Expr, target: Expr, v: string, body: Expr, flat: boolean): Expr => {
    // A comprehension over an empty list binds the accumulator (x) to opt.value() and evaluates the body once.
    const bound = node(
      {
        case: 'comprehensionExpr',
        value: {
          $typeName: 'cel.expr.Expr.Comprehension',
          iterVar: '#unused',
          iterVar2: '',
          iterRange: list([], e),
          accuVar: v,
          accuInit: call('value', [], e, target),
          loopCondition: bool(false, e),
          loopStep: ident(v, e),
          result: body,
        },
      } as Kind,
      e,
    );
    const present = flat ? bound : call('optional.of', [bound], e);
    return call('_?_:_', [call('hasValue', [], e, target), present, call('optional.none', [], e)], e);
  };

  const transform = (e: Expr): Expr => {
    const k = e.exprKind;
    switch (k.case) {
      case 'selectExpr': {
        if (!k.value.operand) return e;
        const operand = transform(k.value.operand);
        k.value.operand = operand;
        const field = k.value.field;
        if (field.startsWith(OPT_FIELD_PREFIX)) {
          if (k.value.testOnly) {
            issues.push({ message: 'has() does not take an optional selection (.?)', exprId: e.id });
            return e;
          }
          return call(OPT_SELECT, [operand, str(field.slice(OPT_FIELD_PREFIX.length), e)], e);
        }
        if (isOptChain(operand)) return call(k.value.testOnly ? OPT_HAS : OPT_SELECT, [operand, str(field, e)], e);
        return e;
      }
      case 'callExpr': {
        const c = k.value;
        if (c.target) c.target = transform(c.target);
        c.args = c.args.map(transform);
        if (c.function === '_[_]' && c.args.length === 2) {
          const [operand, index] = c.args as [Expr, Expr];
          if (index.exprKind.case === 'callExpr' && index.exprKind.value.function === OPT_INDEX_FUNCTION && index.exprKind.value.args.length === 1) {
            return call(OPT_INDEX, [operand, index.exprKind.value.args[0]!], e);
          }
          if (isOptChain(operand)) return call(OPT_INDEX, [operand, index], e);
        }
        if ((c.function === 'optMap' || c.function === 'optFlatMap') && c.target && c.args.length === 2 && c.args[0]!.exprKind.case === 'identExpr') {
          return expandOptMap(e, c.target, c.args[0]!.exprKind.value.name, c.args[1]!, c.function === 'optFlatMap');
        }
        if (c.function === '_+_' && c.args.length === 2) {
          const [accu, tail] = c.args as [Expr, Expr];
          if (accu.exprKind.case === 'identExpr' && accu.exprKind.value.name.startsWith('@') && tail.exprKind.case === 'listExpr' && tail.exprKind.value.elements.length === 1) {
            return call(APPEND, [accu, tail.exprKind.value.elements[0]!], e);
          }
        }
        return e;
      }
      case 'comprehensionExpr': {
        const c = k.value;
        if (c.iterRange) c.iterRange = transform(c.iterRange);
        if (c.accuInit) c.accuInit = transform(c.accuInit);
        if (c.loopStep) c.loopStep = transform(c.loopStep);
        if (c.result) c.result = transform(c.result);
        if (c.loopCondition) c.loopCondition = call(BUDGET, [transform(c.loopCondition)], c.loopCondition);
        return e;
      }
      case 'listExpr':
        k.value.elements = k.value.elements.map(transform);
        return e;
      case 'structExpr':
        for (const entry of k.value.entries) {
          if (entry.value) entry.value = transform(entry.value);
          if (entry.keyKind.case === 'mapKey') entry.keyKind.value = transform(entry.keyKind.value);
        }
        return e;
      default:
        return e;
    }
  };

  /** `a.b.c` as a dotted name when it is an identifier followed by plain field selections. */
  const qualifiedName = (e: Expr): string | undefined => {
    if (e.exprKind.case === 'identExpr') return e.exprKind.value.name;
    if (e.exprKind.case === 'selectExpr' && !e.exprKind.value.testOnly && e.exprKind.value.operand) {
      const parent = qualifiedName(e.exprKind.value.operand);
      return parent === undefined ? undefined : `${parent}.${e.exprKind.value.field}`;
    }
    return undefined;
  };
  const rootIdent = (e: Expr): string | undefined => qualifiedName(e)?.split('.')[0];

  const noteField = (variable: string, field: string): void => {
    let set = fieldReferences.get(variable);
    if (!set) fieldReferences.set(variable, (set = new Set()));
    set.add(field);
  };

  const validate = (e: Expr, locals: ReadonlySet<string>): void => {
    nodes++;
    if (nodes === scope.maxNodes + 1) issues.push({ message: `expression is too large (more than ${scope.maxNodes} nodes)`, exprId: e.id });
    if (nodes > scope.maxNodes) return;
    const k = e.exprKind;
    switch (k.case) {
      case 'identExpr': {
        const name = k.value.name;
        if (locals.has(name)) return;
        if (scope.variables.has(name)) {
          references.add(name);
          if (scope.fields.has(name)) noteField(name, '*');
          return;
        }
        if (scope.isTypeOrNamespace(name)) return;
        issues.push({ message: `undeclared reference to '${name}'${hint(name, scope)}`, exprId: e.id });
        return;
      }
      case 'selectExpr': {
        const operand = k.value.operand;
        if (!operand) return;
        const root = rootIdent(e);
        if (root !== undefined && !locals.has(root) && !scope.variables.has(root)) {
          // Variables may have dotted names (`a.b`): the longest declared prefix of `a.b.c` is the variable.
          const parts = qualifiedName(e)!.split('.');
          for (let n = parts.length; n > 1; n--) {
            if (scope.variables.has(parts.slice(0, n).join('.'))) {
              references.add(parts.slice(0, n).join('.'));
              return;
            }
          }
          // A dotted name that is not rooted in a variable must name a type or an enum value (`google.protobuf.Duration`).
          const name = qualifiedName(e)!;
          if (!k.value.testOnly && scope.isTypeOrNamespace(name)) return;
          if (scope.isTypeOrNamespace(root)) return;
        }
        if (operand.exprKind.case === 'identExpr' && !locals.has(operand.exprKind.value.name)) {
          const v = operand.exprKind.value.name;
          const known = scope.fields.get(v);
          if (known && scope.variables.has(v)) {
            references.add(v);
            noteField(v, k.value.field);
            if (!known.has(k.value.field)) {
              issues.push({ message: `undefined field '${k.value.field}' of ${v}${known.size > 0 ? ` (defined: ${[...known].join(', ')})` : ` (none defined)`}`, exprId: e.id });
            }
            return;
          }
        }
        validate(operand, locals);
        return;
      }
      case 'callExpr': {
        const c = k.value;
        const fn = c.function;
        if (fn === OPT_INDEX_FUNCTION) {
          issues.push({ message: 'optional index [?…] is only allowed after an operand', exprId: e.id });
          return;
        }
        const operator = /^[_!\-@]/.test(fn);
        let targetIsNamespace = false;
        if (!operator && c.target) {
          const q = qualifiedName(c.target);
          if (q !== undefined && !locals.has(q.split('.')[0]!) && !scope.variables.has(q.split('.')[0]!) && scope.hasFunction(`${q}.${fn}`)) targetIsNamespace = true;
        }
        if (!operator && !targetIsNamespace && !scope.hasFunction(fn)) {
          issues.push({
            message: MACROS.has(fn) ? `wrong number or form of arguments to the ${fn} macro` : `undeclared reference to function '${fn}'`,
            exprId: e.id,
          });
        }
        const regexArg = REGEX_ARGUMENTS[fn];
        if (regexArg !== undefined && c.target) {
          const pattern = c.args[regexArg];
          if (pattern?.exprKind.case === 'constExpr' && pattern.exprKind.value.constantKind.case === 'stringValue') {
            try {
              compileRe2(pattern.exprKind.value.constantKind.value);
            } catch (err) {
              issues.push({ message: err instanceof Error ? err.message : String(err), exprId: pattern.id });
            }
          }
        }
        if (c.target && !targetIsNamespace) validate(c.target, locals);
        for (const a of c.args) validate(a, locals);
        return;
      }
      case 'comprehensionExpr': {
        const c = k.value;
        if (c.iterRange) validate(c.iterRange, locals);
        if (c.accuInit) validate(c.accuInit, locals);
        const inner = new Set(locals);
        inner.add(c.iterVar);
        if (c.iterVar2) inner.add(c.iterVar2);
        inner.add(c.accuVar);
        if (c.loopCondition) validate(c.loopCondition, inner);
        if (c.loopStep) validate(c.loopStep, inner);
        if (c.result) {
          const accuOnly = new Set(locals);
          accuOnly.add(c.accuVar);
          validate(c.result, accuOnly);
        }
        return;
      }
      case 'listExpr':
        for (const el of k.value.elements) validate(el, locals);
        return;
      case 'structExpr':
        for (const entry of k.value.entries) {
          if (entry.keyKind.case === 'mapKey') validate(entry.keyKind.value, locals);
          if (entry.value) validate(entry.value, locals);
        }
        return;
      default:
        return;
    }
  };

  const expr = transform(root);
  validate(expr, new Set());
  return { expr, issues, references, fieldReferences };
}

function hint(name: string, scope: AstScope): string {
  const close = [...scope.variables].filter((v) => distance(v, name) <= 2);
  if (close.length > 0) return ` (did you mean ${close.map((c) => `'${c}'`).join(' or ')}?)`;
  return scope.variables.size > 0 ? ` (variables: ${[...scope.variables].sort().join(', ')})` : '';
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}
