import { celMethod, CelScalar, type CelFunc } from '@bufbuild/cel';

/*
 * Kubernetes' authorizer library (library/authz.go): `authorizer.group('apps').resource('deployments').check('delete')
 * .allowed()` asks the cluster's authorizer about the requesting user. A scan has neither, so these functions exist only
 * so that policies using them compile; `authorizer` is never bound, and evaluating such an expression fails with a clear
 * message (failurePolicy then decides, as for any error). Declared in the ValidatingAdmissionPolicy environment only.
 */

const { DYN } = CelScalar;

const NAMES: [name: string, args: number][] = [
  ['path', 1],
  ['group', 1],
  ['serviceAccount', 2],
  ['resource', 1],
  ['subresource', 1],
  ['namespace', 1],
  ['name', 1],
  ['check', 1],
  ['allowed', 0],
  ['reason', 0],
  ['errored', 0],
  ['error', 0],
  ['fieldSelector', 1],
  ['labelSelector', 1],
];

export const authorizerFuncs: CelFunc[] = NAMES.map(([name, args]) =>
  celMethod(name, DYN, Array<typeof DYN>(args).fill(DYN), DYN, () => {
    throw new Error(`authorizer.${name}(): authorization checks need a cluster and cannot be evaluated by a scan`);
  }),
);
