import { celFunc, celList, CelScalar, listType, type CelFunc, type CelList, type CelValue } from '@bufbuild/cel';

/*
 * Internal functions the AST pass (ast.ts) inserts. Their names start with `@`, which CEL source cannot spell, so
 * policies cannot call them.
 *
 * - BUDGET wraps every comprehension's loop condition and counts iterations: @bufbuild/cel has no cost limit, and
 *   `l.all(a, l.all(b, l.all(c, …)))` over a large list would otherwise run for hours. Kubernetes stops such expressions
 *   with its cost budget; Palisade stops them after a fixed number of iterations per evaluation (deterministic, unlike a
 *   timeout, and pure code reads no clock).
 * - APPEND replaces `@result + [x]` in the `map` and `filter` macros. The library concatenates lists by nesting a view
 *   per element, so a 10,000-element `map` result overflowed the stack when iterated; appending to an array the
 *   comprehension owns keeps it flat and linear.
 */

export const BUDGET = '@palisade_budget';
export const APPEND = '@palisade_append';

interface Meter {
  remaining: number;
  exceeded: boolean;
}

let meter: Meter | undefined;

export class BudgetExceeded extends Error {}

/** Runs `fn` with a budget of comprehension iterations; evaluation is synchronous, so a module-level meter is safe. */
export function withIterationBudget<T>(iterations: number, fn: () => T): { result: T; exceeded: boolean } {
  const outer = meter;
  const mine: Meter = { remaining: iterations, exceeded: false };
  meter = mine;
  try {
    return { result: fn(), exceeded: mine.exceeded };
  } finally {
    meter = outer;
  }
}

const owned = new WeakMap<CelList, CelValue[]>();

export const runtimeFuncs: CelFunc[] = [
  celFunc(BUDGET, [CelScalar.DYN], CelScalar.DYN, (v) => {
    if (meter) {
      meter.remaining--;
      if (meter.remaining < 0) {
        meter.exceeded = true;
        throw new BudgetExceeded('comprehension iteration budget exceeded');
      }
    }
    return v;
  }),
  celFunc(APPEND, [listType(CelScalar.DYN), CelScalar.DYN], listType(CelScalar.DYN), (accu, item) => {
    const mine = owned.get(accu);
    if (mine) {
      // Only the comprehension that created this list holds it until the loop ends, so growing it in place is safe.
      mine.push(item);
      return accu;
    }
    const items = [...accu, item];
    const list = celList(items);
    owned.set(list, items);
    return list;
  }),
];
