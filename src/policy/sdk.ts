/**
 * The Palisade policy SDK: write a custom policy in TypeScript (or JavaScript) and run it with `palisade scan --policy`.
 *
 * ```ts
 * import { definePolicy } from 'palisade';
 *
 * export default definePolicy({
 *   id: 'ACME-0001',
 *   title: 'Workloads carry a team label',
 *   severity: 'medium',
 *   kinds: ['Deployment', 'StatefulSet'],
 *   options: { label: 'team' },
 *   validate(object, ctx) {
 *     if (!object.labels[ctx.options.label]) ctx.report({ path: 'metadata.labels', message: `missing label "${ctx.options.label}"` });
 *   },
 * });
 * ```
 *
 * This module is deliberately self-contained (no imports, not even types): it is the package's public entry point, its
 * declaration file must stand alone, and loaded policies receive this very module in-process (see src/scan/policies.ts).
 * It does no I/O and keeps no state.
 *
 * @packageDocumentation
 */

/** The formats a policy can read. Mirrors `CHECK_TARGETS` in src/core/config-object.ts (a type test keeps them equal). */
export type PolicyTarget = 'kubernetes' | 'dockerfile' | 'compose' | 'terraform';

/** Mirrors `SEVERITIES` in src/core/severity.ts. */
export type PolicySeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** The categories of the check library (src/core/check-meta.ts), so custom findings group with built-in ones. */
export type PolicyCategory =
  | 'pod-security'
  | 'rbac'
  | 'network'
  | 'secrets'
  | 'images'
  | 'resources'
  | 'reliability'
  | 'placement'
  | 'cross-resource'
  | 'best-practice'
  | 'build'
  | 'encryption'
  | 'logging'
  | 'iam'
  | 'storage'
  | 'backup';

/**
 * A place in the object's data: `'spec.template.spec.containers[0].image'`, `'metadata.labels["app.kubernetes.io/name"]'`,
 * or the same as segments: `['spec', 'template', 'spec', 'containers', 0, 'image']`. A path that does not exist (a missing
 * field) is located at its nearest existing parent, so report where the field belongs.
 */
export type PathInput = string | readonly (string | number)[];

/** Read-only, all the way down: policies look at objects, they never change them (the scan shares them between checks). */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/**
 * One object a policy looks at: a Kubernetes object, a Dockerfile, a compose service, a Terraform resource instance.
 * `V` describes `value` when you know its shape (`PolicyObject<MyDeployment>`); it is not checked at run time.
 */
export interface PolicyObject<V extends object = Record<string, unknown>> {
  readonly target: PolicyTarget;
  /** Kubernetes apiVersion; '' for other formats (Terraform: the provider, e.g. `aws`). */
  readonly apiVersion: string;
  /** Kubernetes kind; `Dockerfile`; `ComposeService` / `ComposeProject`; the Terraform resource type (`aws_s3_bucket`). */
  readonly kind: string;
  /** Object name; '' for a Dockerfile; the compose service name; the Terraform address (`module.net.aws_vpc.main[0]`). */
  readonly name: string;
  /** '' when the format has no namespaces or the manifest sets none. */
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** The whole object as plain data. Writing to it throws. */
  readonly value: DeepReadonly<V>;
  /** The file the object comes from, relative to where the scan runs. */
  readonly file: string;
  /** The value at a path, or undefined when any part of it is missing. */
  get(path: PathInput): unknown;
}

/** Mirrors `PEER_TOOLS` in src/core/finding.ts. */
export type PeerTool = 'checkov' | 'trivy' | 'kube-linter' | 'polaris' | 'kyverno' | 'gitleaks' | 'trufflehog' | 'hadolint';

export interface PolicyPeer {
  tool: PeerTool;
  id: string;
  match: 'same' | 'partial';
}

/** A JSON Patch (RFC 6902) operation; `path` is a JSON pointer from the object's root (`/spec/replicas`). */
export type PatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

/** A violation of the policy. */
export interface Violation {
  /** Where: the offending field, or the parent where a missing field belongs. Default: the object itself. */
  path?: PathInput;
  /** What is wrong, for this object. `{{name}}` placeholders are filled from `data`. Default: the policy's `message`, else its title. */
  message?: string;
  data?: Readonly<Record<string, string | number>>;
  /** A safe, mechanical fix, applied by `palisade fix`. */
  fix?: { description: string; patch: readonly PatchOperation[] };
}

/** Every object of the scan, for policies that relate objects to each other (a Service and its workloads). */
export interface PolicyIndex {
  /** Objects of the given kinds, in scan order. */
  ofKind(...kinds: string[]): readonly PolicyObject[];
  /** The object of that kind and name (and namespace, when given). */
  find(kind: string, name: string, namespace?: string): PolicyObject | undefined;
}

export interface PolicyContext<O> {
  /** The policy's `options` defaults, merged with what `.palisade.yaml` sets under `checks.options.<ID>`. */
  readonly options: DeepReadonly<O>;
  readonly index: PolicyIndex;
  /** Reports a violation. Call it once per offending place; duplicates (same path and message) are reported once. */
  report(violation: Violation): void;
}

/** What `definePolicy` takes. */
export interface PolicyDefinition<V extends object = Record<string, unknown>, O extends object = Record<never, never>> {
  /**
   * Your own stable ID: upper-case words joined by dashes, e.g. `ACME-0001`, `SEC-K8S-12`. `PAL-` is reserved for
   * the built-in checks. Never renumber a released ID: config, waivers and history refer to it.
   */
  id: string;
  /** One line saying what is wrong, e.g. "Workload has no team label" (3–120 characters). */
  title: string;
  severity: PolicySeverity;
  /** Which format the policy reads. Default: `kubernetes`. */
  target?: PolicyTarget;
  /** Kinds the policy runs on (`['Deployment', 'StatefulSet']`, `['aws_s3_bucket']`, `['Dockerfile']`); `['*']` for every kind of the target. */
  kinds: readonly string[];
  /** Default: `best-practice`. */
  category?: PolicyCategory;
  /** A kebab-case name users may write instead of the ID in config and waivers. Default: the ID in lower case. */
  slug?: string;
  /** What the policy looks for. Default: the title. */
  description?: string;
  /** Why it matters. Default: the description. */
  rationale?: string;
  /** How to fix a violation (Markdown). */
  remediation?: string;
  /** https links for more. */
  references?: readonly string[];
  /** Former IDs or slugs, still accepted in config and waivers after a rename. */
  aliases?: readonly string[];
  /** The same rule in other tools (`{ tool: 'checkov', id: 'CKV_K8S_16', match: 'same' }`). */
  peers?: readonly PolicyPeer[];
  /** The message of a violation that does not bring its own. Default: the title. */
  message?: string;
  /** Off unless a config enables it (or sets its options). Default: true. */
  defaultEnabled?: boolean;
  /**
   * Option defaults. Users override them per key in `.palisade.yaml` (`checks.options.<ID>`); a value of another type than
   * the default (a string for a number, …) or an unknown key is a configuration error.
   */
  options?: O;
  /** Looks at one object and reports what is wrong with it. Synchronous, no I/O: it runs once per object of every scan. */
  validate(object: PolicyObject<V>, ctx: PolicyContext<O>): void;
}

/** Marks the values `definePolicy` returns; `Symbol.for` so a policy bundling its own copy of this module still works. */
export const POLICY_BRAND: unique symbol = Symbol.for('palisade.policy/v1');

/** A policy, as `definePolicy` returns it. Export it (default or named; an array of policies works too). */
export type Policy<V extends object = Record<string, unknown>, O extends object = Record<never, never>> = Readonly<PolicyDefinition<V, O>> & {
  readonly [POLICY_BRAND]: true;
};

/**
 * Declares a custom policy. Export the result from a `.ts`, `.mts`, `.js` or `.mjs` file and pass that file (or its folder)
 * to `palisade scan --policy`, list it under `policies:` in `.palisade.yaml`, or ship it in a policy pack.
 *
 * The definition is validated when Palisade loads the file; mistakes are configuration errors with the file's location.
 * TypeScript types are not checked at load time (the file is compiled by esbuild, which strips them): run `tsc --noEmit` in CI.
 */
export function definePolicy<V extends object = Record<string, unknown>, O extends object = Record<never, never>>(
  definition: PolicyDefinition<V, O>,
): Policy<V, O> {
  return Object.freeze({ ...definition, [POLICY_BRAND]: true as const });
}

/** True for a value `definePolicy` returned (by this or any other copy of the SDK). */
export function isPolicy(value: unknown): value is Policy<object, object> {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[POLICY_BRAND] === true;
}

/** A container of a pod-bearing Kubernetes object, with the path to report against. */
export interface ContainerRef {
  readonly container: DeepReadonly<Record<string, unknown>>;
  /** The container's name, or `#<index>` when it has none. */
  readonly name: string;
  readonly list: 'initContainers' | 'containers' | 'ephemeralContainers';
  /** e.g. `['spec', 'template', 'spec', 'containers', 0]`: append a field name to report on it. */
  readonly path: readonly (string | number)[];
}

/** Where each pod-bearing kind keeps its pod spec. (A copy of the check library's table: this module imports nothing.) */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
};

/** The kinds that carry a pod spec: use as `kinds: POD_KINDS` with `containers()`. */
export const POD_KINDS: readonly string[] = Object.freeze(Object.keys(POD_SPEC_PATHS));

/** The pod spec of a pod-bearing object and its path, or undefined for other kinds. */
export function podSpec(object: Pick<PolicyObject, 'kind' | 'get'>): { spec: DeepReadonly<Record<string, unknown>>; path: readonly string[] } | undefined {
  const path = POD_SPEC_PATHS[object.kind];
  if (!path) return undefined;
  const spec = object.get(path);
  return { spec: isRecord(spec) ? spec : {}, path };
}

/** Every container (init, regular, ephemeral) of a pod-bearing object, each with its path. */
export function containers(object: Pick<PolicyObject, 'kind' | 'get'>): ContainerRef[] {
  const pod = podSpec(object);
  if (!pod) return [];
  const out: ContainerRef[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const items = pod.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((c: unknown, i: number) => {
      if (!isRecord(c)) return;
      out.push({ container: c, name: typeof c.name === 'string' ? c.name : `#${i}`, list, path: [...pod.path, list, i] });
    });
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `spec.containers[0].image` / `metadata.labels["app.kubernetes.io/name"]` → segments. The bracket-quoted form is the one
 * Palisade prints in findings, so a path copied from a report works here. Throws on a malformed path.
 */
export function parsePath(path: PathInput): (string | number)[] {
  if (typeof path !== 'string') {
    if (!Array.isArray(path) || !path.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0))) {
      throw new TypeError(`a path is a string or an array of keys and array indexes, got ${JSON.stringify(path)}`);
    }
    return [...path];
  }
  const out: (string | number)[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new TypeError(`malformed path ${JSON.stringify(path)} at character ${i + 1}: ${why}`);
  };
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '[') {
      const close = path.indexOf(']', i);
      if (path[i + 1] === '"') {
        // A JSON string: find its end honouring escapes, then parse it with JSON.parse.
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        if (path[j + 1] !== ']') fail('expected "] after a quoted key');
        out.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        i = j + 2;
      } else {
        if (close < 0) fail('missing "]"');
        const n = path.slice(i + 1, close);
        if (!/^\d+$/.test(n)) fail(`"[${n}]" is not an array index (quote keys: ["${n}"])`);
        out.push(Number(n));
        i = close + 1;
      }
    } else if (ch === '.') {
      if (out.length === 0 || path[i + 1] === undefined || path[i + 1] === '.' || path[i + 1] === '[') fail('empty key');
      i += 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j += 1;
      if (out.length > 0 && path[i - 1] !== '.') fail('expected "." or "[" between keys');
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out;
}
