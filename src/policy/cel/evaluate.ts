import { celMap, type CelInput, type CelValue } from '@bufbuild/cel';
import type { CelEvalResult, CelProgram } from './environment.js';
import { displayCel } from './values.js';

/*
 * Evaluation shared by CEL policies and ValidatingAdmissionPolicies: named variables (composition variables, as in
 * ValidatingAdmissionPolicy `spec.variables`), boolean validations and message expressions.
 */

export interface CompiledVariable {
  name: string;
  program: CelProgram;
}

/** Variables read (directly or through other variables) by any of the programs, in declaration order. */
export function neededVariables(programs: readonly CelProgram[], variables: readonly CompiledVariable[]): CompiledVariable[] {
  const byName = new Map(variables.map((v) => [v.name, v]));
  const needed = new Set<string>();
  const visit = (p: CelProgram): void => {
    const refs = p.fieldReferences.get('variables');
    if (!refs) return;
    const names = refs.has('*') ? [...byName.keys()] : [...refs];
    for (const n of names) {
      if (needed.has(n) || !byName.has(n)) continue;
      needed.add(n);
      visit(byName.get(n)!.program);
    }
  };
  programs.forEach(visit);
  return variables.filter((v) => needed.has(v.name));
}

/**
 * Binds `variables` for one evaluation context. Variables are computed in order, each seeing the ones before it; one that
 * fails is left out of the map, and an expression that then fails while reading it reports the variable's error (Kubernetes
 * evaluates variables lazily, so an unused failing variable is not an error — only needed variables are computed here).
 */
export class VariableBindings {
  readonly bindings: Record<string, CelInput>;
  private readonly failed = new Map<string, string>();

  constructor(base: Readonly<Record<string, CelInput>>, variables: readonly CompiledVariable[]) {
    if (variables.length === 0) {
      this.bindings = base as Record<string, CelInput>;
      return;
    }
    const values = new Map<string, CelInput>();
    this.bindings = { ...base, variables: celMap(values) };
    for (const v of variables) {
      const r = v.program.evaluate(this.bindings);
      if (r.ok) values.set(v.name, r.value);
      else this.failed.set(v.name, this.explain(v.program, r));
    }
  }

  /** An evaluation error, naming the failed variable it read when that is the cause. */
  explain(program: CelProgram, r: Extract<CelEvalResult, { ok: false }>): string {
    const refs = program.fieldReferences.get('variables');
    if (refs) {
      for (const [name, message] of this.failed) if (refs.has(name) || refs.has('*')) return `variable '${name}' could not be evaluated: ${message}`;
    }
    return r.position ? `${r.message} (at column ${r.position.column}${r.position.line > 1 ? `, line ${r.position.line}` : ''})` : r.message;
  }
}

export type Outcome = { kind: 'pass' } | { kind: 'fail' } | { kind: 'error'; message: string };

/** A validation or match condition: must evaluate to a bool. */
export function evaluateCondition(program: CelProgram, vars: VariableBindings): Outcome {
  const r = program.evaluate(vars.bindings);
  if (!r.ok) return { kind: 'error', message: vars.explain(program, r) };
  if (typeof r.value !== 'boolean') return { kind: 'error', message: `expression must evaluate to a bool, got ${displayCel(r.value as CelValue)}` };
  return { kind: r.value ? 'pass' : 'fail' };
}

/**
 * A message expression's text, or undefined to fall back to the static message — as Kubernetes does when the expression
 * errors or yields something other than a non-blank, single-line string.
 */
export function evaluateMessage(program: CelProgram | undefined, vars: VariableBindings): string | undefined {
  if (!program) return undefined;
  const r = program.evaluate(vars.bindings);
  if (!r.ok || typeof r.value !== 'string') return undefined;
  const text = r.value.trim();
  if (text === '' || /[\r\n]/.test(text)) return undefined;
  return text.length > 5000 ? `${text.slice(0, 5000)}…` : text;
}
