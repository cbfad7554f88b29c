import type { CelFunc } from '@bufbuild/cel';
import { listFuncs } from './lists.js';
import { netFuncs } from './net.js';
import { optionalFuncs } from './optional.js';
import { quantityFuncs } from './quantity.js';
import { regexFuncs } from './regex.js';
import { runtimeFuncs } from './runtime.js';
import { semverFuncs } from './semver.js';
import { stringFuncs } from './strings.js';
import { urlFuncs } from './url.js';

/**
 * Everything Palisade adds to @bufbuild/cel's standard library: the CEL extensions Kubernetes enables and its own
 * libraries (https://kubernetes.io/docs/reference/using-api/cel/). Order matters only for overrides: a function with the
 * same overload id as an earlier one replaces it.
 */
export const KUBERNETES_CEL_FUNCTIONS: readonly CelFunc[] = [
  ...stringFuncs,
  ...regexFuncs,
  ...listFuncs,
  ...quantityFuncs,
  ...urlFuncs,
  ...netFuncs,
  ...semverFuncs,
  ...optionalFuncs,
  ...runtimeFuncs,
];

export { OPT_HAS, OPT_INDEX, OPT_SELECT, isOptional } from './optional.js';
export { APPEND, BUDGET, withIterationBudget } from './runtime.js';
export { REGEX_ARGUMENTS, compileRe2 } from './regex.js';
