import { z } from 'zod';
import type { ConfigObject } from '../../core/config-object.js';
import type { DataPath, Location } from '../../core/location.js';
import { severityRank, type Severity } from '../../core/severity.js';
import { checkFromMeta, type CheckContext } from '../../checks/define-check.js';
import type { ObjectIndex } from '../../checks/_lib/object-index.js';
import { CelEnvironment, type CelProgram } from '../cel/environment.js';
import { authorizerFuncs } from '../cel/lib/authorizer.js';
import { evaluateCondition, evaluateMessage, neededVariables, VariableBindings, type CompiledVariable } from '../cel/evaluate.js';
import {
  admissionBindings,
  isClusterScoped,
  labelSelectorSchema,
  matchesLabelSelector,
  namespaceLabelsOf,
  resourceOf,
  splitApiVersion,
  type LabelSelector,
} from '../cel/kubernetes.js';
import { locateInExpression } from '../cel/locate.js';
import { toCel } from '../cel/values.js';
import type { ConfigIssue } from '../located.js';
import { buildCustomMeta } from './meta.js';
import type { CompileResult, CompiledPolicy } from './types.js';

/*
 * ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1 and v1beta1) evaluated the way the API server does on a
 * CREATE of each scanned object: matchConstraints and the binding's matchResources (resource rules, namespace and object
 * selectors, exclusions), matchConditions, variables, params through the binding's paramRef, validations with
 * failurePolicy, and validationActions mapped to severities. docs/cel-policies.md describes what differs from a cluster.
 */

const ADMISSION_GROUP = 'admissionregistration.k8s.io';
const API_VERSIONS = new Set([`${ADMISSION_GROUP}/v1`, `${ADMISSION_GROUP}/v1beta1`, `${ADMISSION_GROUP}/v1alpha1`]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Severity of a binding's findings: the most severe of its validation actions. */
export const VALIDATION_ACTION_SEVERITY: Record<'Deny' | 'Warn' | 'Audit', Severity> = { Deny: 'high', Warn: 'medium', Audit: 'low' };

/** The variables a ValidatingAdmissionPolicy expression may read (authorizer is declared but cannot be evaluated offline). */
export const VAP_VARIABLES = ['object', 'oldObject', 'request', 'params', 'namespaceObject', 'authorizer', 'variables'] as const;

const ruleSchema = z.looseObject({
  apiGroups: z.array(z.string()).default([]),
  apiVersions: z.array(z.string()).default([]),
  resources: z.array(z.string()).default([]),
  operations: z.array(z.enum(['*', 'CREATE', 'UPDATE', 'DELETE', 'CONNECT'])).default([]),
  resourceNames: z.array(z.string()).default([]),
  scope: z.enum(['Cluster', 'Namespaced', '*']).default('*'),
});
type Rule = z.output<typeof ruleSchema>;

const matchResourcesSchema = z.looseObject({
  namespaceSelector: labelSelectorSchema.optional(),
  objectSelector: labelSelectorSchema.optional(),
  resourceRules: z.array(ruleSchema).optional(),
  excludeResourceRules: z.array(ruleSchema).optional(),
  matchPolicy: z.enum(['Exact', 'Equivalent']).default('Equivalent'),
});
type MatchResources = z.output<typeof matchResourcesSchema>;

const policySpecSchema = z.looseObject({
  paramKind: z.looseObject({ apiVersion: z.string().min(1), kind: z.string().min(1) }).optional(),
  matchConstraints: matchResourcesSchema,
  validations: z
    .array(
      z.looseObject({
        expression: z.string().min(1),
        message: z.string().optional(),
        messageExpression: z.string().min(1).optional(),
        reason: z.string().optional(),
      }),
    )
    .default([]),
  failurePolicy: z.enum(['Fail', 'Ignore']).default('Fail'),
  auditAnnotations: z.array(z.unknown()).optional(),
  matchConditions: z.array(z.looseObject({ name: z.string().min(1), expression: z.string().min(1) })).default([]),
  variables: z.array(z.looseObject({ name: z.string().regex(IDENTIFIER, 'variable names are CEL identifiers'), expression: z.string().min(1) })).default([]),
});
type PolicySpec = z.output<typeof policySpecSchema>;

const bindingSpecSchema = z.looseObject({
  policyName: z.string().min(1),
  paramRef: z
    .looseObject({
      name: z.string().min(1).optional(),
      namespace: z.string().optional(),
      selector: labelSelectorSchema.optional(),
      parameterNotFoundAction: z.enum(['Allow', 'Deny']).default('Deny'),
    })
    .refine((p) => (p.name === undefined) !== (p.selector === undefined), { message: 'paramRef needs exactly one of name and selector' })
    .optional(),
  matchResources: matchResourcesSchema.optional(),
  validationActions: z.array(z.enum(['Deny', 'Warn', 'Audit'])).min(1, 'validationActions needs at least one of Deny, Warn, Audit'),
});
type BindingSpec = z.output<typeof bindingSpecSchema>;

const objectSchema = <S extends z.ZodType>(spec: S) => z.looseObject({ metadata: z.looseObject({ name: z.string().min(1) }), spec });

/** `compileVap`'s result: `warnings` are problems that do not stop the scan (a policy without a binding does nothing). */
export interface VapCompileResult extends CompileResult {
  warnings: ConfigIssue[];
}

interface Vap {
  obj: ConfigObject;
  name: string;
  spec: PolicySpec;
}

interface Binding {
  obj: ConfigObject;
  name: string;
  spec: BindingSpec;
}

/**
 * Every ValidatingAdmissionPolicy and binding among `objects` → one compiled check per (policy, binding) pair. The other
 * objects are candidate params (a binding's paramRef selects among them, and among the scan's own objects of the kind).
 */
export function compileVap(objects: readonly ConfigObject[], file?: string): VapCompileResult {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const policies: CompiledPolicy[] = [];
  const vaps = new Map<string, Vap>();
  const bindings: Binding[] = [];
  const others: ConfigObject[] = [];
  for (const obj of objects) {
    const isAdmission = obj.target === 'kubernetes' && API_VERSIONS.has(obj.apiVersion);
    if (isAdmission && obj.kind === 'ValidatingAdmissionPolicy') {
      const r = objectSchema(policySpecSchema).safeParse(obj.value);
      if (!r.success) {
        issues.push(...located(r.error, obj));
        continue;
      }
      const name = r.data.metadata.name;
      if (vaps.has(name)) {
        issues.push({ message: `ValidatingAdmissionPolicy "${name}" is defined twice (also in ${vaps.get(name)!.obj.file})`, location: at(obj, ['metadata', 'name']) });
        continue;
      }
      vaps.set(name, { obj, name, spec: r.data.spec });
    } else if (isAdmission && obj.kind === 'ValidatingAdmissionPolicyBinding') {
      const r = objectSchema(bindingSpecSchema).safeParse(obj.value);
      if (!r.success) issues.push(...located(r.error, obj));
      else bindings.push({ obj, name: r.data.metadata.name, spec: r.data.spec });
    } else others.push(obj);
  }

  const compiled = new Map<string, CompiledVap | undefined>();
  // Every policy is compiled, bound or not, so a broken expression is reported before anyone binds the policy.
  for (const vap of vaps.values()) compiled.set(vap.name, compilePolicy(vap, issues, warnings));
  const ids = new Map<string, number>();
  for (const b of bindings) if (vaps.has(b.spec.policyName)) ids.set(vapCheckId(b.spec.policyName, b.name), (ids.get(vapCheckId(b.spec.policyName, b.name)) ?? 0) + 1);
  for (const b of bindings) {
    const vap = vaps.get(b.spec.policyName);
    if (!vap) {
      warnings.push({
        message: `ValidatingAdmissionPolicyBinding "${b.name}" binds policy "${b.spec.policyName}", which is not among the policies loaded: it does nothing`,
        location: at(b.obj, ['spec', 'policyName']),
      });
      continue;
    }
    const c = compiled.get(vap.name);
    if (!c) continue;
    if (vap.spec.paramKind && !b.spec.paramRef) {
      issues.push({ message: `binding "${b.name}": policy "${vap.name}" has a paramKind, so the binding needs a paramRef`, location: at(b.obj, ['spec']) });
      continue;
    }
    const short = vapCheckId(vap.name, b.name);
    const policy = compilePair(vap, c, b, ids.get(short)! > 1 ? vapCheckId(vap.name, b.name, true) : short, others, file);
    if (policy.ok) policies.push(policy.policy);
    else issues.push(...policy.issues);
  }
  for (const vap of vaps.values()) {
    if (!bindings.some((b) => b.spec.policyName === vap.name)) {
      warnings.push({ message: `ValidatingAdmissionPolicy "${vap.name}" has no ValidatingAdmissionPolicyBinding: like in a cluster, it checks nothing`, location: at(vap.obj, ['metadata', 'name']) });
    }
  }
  return { policies, issues, warnings };
}

interface CompiledValidation {
  index: number;
  expression: string;
  program: CelProgram;
  messageProgram: CelProgram | undefined;
  message: string | undefined;
}

interface CompiledVap {
  variables: CompiledVariable[];
  conditions: { name: string; program: CelProgram }[];
  validations: CompiledValidation[];
  needed: CompiledVariable[];
  /** Top-level variables any needed expression reads. */
  reads: Set<string>;
}

const environments = new Map<string, CelEnvironment>();
function environmentFor(variableNames: readonly string[]): CelEnvironment {
  const key = variableNames.join('\u0000');
  let env = environments.get(key);
  if (!env) {
    if (environments.size > 256) environments.clear();
    env = new CelEnvironment({ variables: VAP_VARIABLES, fields: { variables: variableNames }, functions: authorizerFuncs });
    environments.set(key, env);
  }
  return env;
}

function compilePolicy(vap: Vap, issues: ConfigIssue[], warnings: ConfigIssue[]): CompiledVap | undefined {
  const before = issues.length;
  const names = vap.spec.variables.map((v) => v.name);
  const env = environmentFor(names);
  const compile = (expression: string, path: DataPath): CelProgram | undefined => {
    const c = env.compile(expression);
    if (!c.ok) {
      issues.push({
        message: `ValidatingAdmissionPolicy "${vap.name}": invalid CEL in spec.${fmt(path)}: ${c.error.message}`,
        location: locateInExpression(at(vap.obj, ['spec', ...path]), docLines(vap.obj), expression, c.error),
      });
      return undefined;
    }
    if (c.program.references.has('authorizer')) {
      warnings.push({
        message: `ValidatingAdmissionPolicy "${vap.name}": spec.${fmt(path)} uses authorizer, which cannot be evaluated outside a cluster; it fails on every object (failurePolicy ${vap.spec.failurePolicy} applies)`,
        location: at(vap.obj, ['spec', ...path]),
      });
    }
    return c.program;
  };
  const variables: CompiledVariable[] = [];
  const seen = new Set<string>();
  vap.spec.variables.forEach((v, i) => {
    if (seen.has(v.name)) issues.push({ message: `ValidatingAdmissionPolicy "${vap.name}": variable "${v.name}" is defined twice`, location: at(vap.obj, ['spec', 'variables', i, 'name']) });
    seen.add(v.name);
    const program = compile(v.expression, ['variables', i, 'expression']);
    if (!program) return;
    const later = [...(program.fieldReferences.get('variables') ?? [])].filter((n) => n !== '*' && !names.slice(0, i).includes(n));
    if (later.length > 0) {
      issues.push({
        message: `ValidatingAdmissionPolicy "${vap.name}": variable "${v.name}" reads ${later.map((n) => `variables.${n}`).join(', ')}, which is not defined before it`,
        location: at(vap.obj, ['spec', 'variables', i, 'expression']),
      });
      return;
    }
    variables.push({ name: v.name, program });
  });
  const conditions: CompiledVap['conditions'] = [];
  vap.spec.matchConditions.forEach((m, i) => {
    const program = compile(m.expression, ['matchConditions', i, 'expression']);
    if (program) conditions.push({ name: m.name, program });
  });
  const validations: CompiledValidation[] = [];
  vap.spec.validations.forEach((v, i) => {
    const program = compile(v.expression, ['validations', i, 'expression']);
    const messageProgram = v.messageExpression === undefined ? undefined : compile(v.messageExpression, ['validations', i, 'messageExpression']);
    if (program) validations.push({ index: i, expression: v.expression, program, messageProgram, message: v.message?.trim() || undefined });
  });
  if (vap.spec.validations.length === 0) {
    warnings.push({ message: `ValidatingAdmissionPolicy "${vap.name}" has no validations (audit annotations are not evaluated by a scanner): it checks nothing`, location: at(vap.obj, ['spec']) });
  }
  if (issues.length > before) return undefined;
  const programs = [...conditions.map((c) => c.program), ...validations.flatMap((v) => (v.messageProgram ? [v.program, v.messageProgram] : [v.program]))];
  const needed = neededVariables(programs, variables);
  const reads = new Set([...programs, ...needed.map((v) => v.program)].flatMap((p) => [...p.references]));
  return { variables, conditions, validations, needed, reads };
}

/** `demo-policy.example.com` → `DEMO-POLICY-EXAMPLE-COM`. */
function idPart(name: string): string {
  return name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The check ID of a (policy, binding) pair: `VAP-<POLICY>`, followed by what the binding's name adds to the policy's —
 * the name without the dash/dot-separated words both names start and end with: `require-labels.acme.io` bound by
 * `require-labels-prod.acme.io` → `VAP-REQUIRE-LABELS-ACME-IO-PROD`; a binding named like its policy adds nothing. The ID
 * depends on the two names only, so adding a binding never renames another pair's findings. `full` keeps the binding's
 * whole name (used when two bindings of one policy would otherwise get the same ID).
 */
export function vapCheckId(policyName: string, bindingName: string, full = false): string {
  const p = idPart(policyName) || 'POLICY';
  const ps = policyName.split(/[-.]+/).filter(Boolean);
  let bs = bindingName.split(/[-.]+/).filter(Boolean);
  if (!full) {
    let start = 0;
    while (start < bs.length && start < ps.length && bs[start] === ps[start]) start++;
    let end = bs.length;
    while (end > start && bs.length - end < ps.length && bs[end - 1] === ps[ps.length - 1 - (bs.length - end)]) end--;
    bs = bs.slice(start, end);
  }
  const b = idPart(bs.join('-'));
  return b ? `VAP-${p}-${b}` : `VAP-${p}`;
}

function compilePair(vap: Vap, c: CompiledVap, b: Binding, id: string, others: readonly ConfigObject[], file: string | undefined): { ok: true; policy: CompiledPolicy } | { ok: false; issues: ConfigIssue[] } {
  const severity = b.spec.validationActions.map((a) => VALIDATION_ACTION_SEVERITY[a]).sort((x, y) => severityRank(y) - severityRank(x))[0]!;
  const messages: Record<string, string> = {};
  for (const v of c.validations) messages[`validation-${v.index + 1}`] = v.messageProgram ? '{{message}}' : (v.message ?? `failed expression: ${v.expression}`);
  messages['expression-error'] = 'expression {{rule}} could not be evaluated: {{error}}';
  messages['params-not-found'] = 'no params found for binding {{binding}} ({{ref}})';
  const title = `ValidatingAdmissionPolicy ${vap.name}${b.name === vap.name ? '' : ` (binding ${b.name})`}`;
  const built = buildCustomMeta({
    id,
    title: title.length > 120 ? `${title.slice(0, 119)}…` : title,
    severity,
    target: 'kubernetes',
    kinds: ['*'],
    category: 'best-practice',
    slug: id.toLowerCase(),
    description: `Kubernetes ValidatingAdmissionPolicy "${vap.name}" as bound by "${b.name}" (validationActions: ${b.spec.validationActions.join(', ')}).`,
    remediation: `Change the object so that the ValidatingAdmissionPolicy "${vap.name}" admits it.`,
    messages,
  });
  if (!built.ok) return { ok: false, issues: built.error.issues.map((i) => ({ message: `binding "${b.name}": cannot derive a check ID (${id}): ${i.message}`, location: at(b.obj, ['metadata', 'name']) })) };

  const failurePolicy = vap.spec.failurePolicy;
  const paramKind = vap.spec.paramKind;
  const paramRef = b.spec.paramRef;
  const sourceParams = paramKind ? others.filter((o) => o.apiVersion === paramKind.apiVersion && o.kind === paramKind.kind) : [];

  const check = checkFromMeta<unknown>(built.meta, (obj, ctx) => {
    if (obj.target !== 'kubernetes') return;
    if (!matchesResources(vap.spec.matchConstraints, obj, ctx.index, true)) return;
    if (b.spec.matchResources && !matchesResources(b.spec.matchResources, obj, ctx.index, false)) return;
    let params: (ConfigObject | null)[] = [null];
    if (paramKind && paramRef) {
      params = findParams(paramKind, paramRef, obj, sourceParams, ctx.index);
      if (params.length === 0) {
        if (paramRef.parameterNotFoundAction === 'Deny') {
          const ref = paramRef.name !== undefined ? `${paramKind.kind} ${paramRef.namespace ? `${paramRef.namespace}/` : ''}${paramRef.name}` : `${paramKind.kind} selected by ${JSON.stringify(paramRef.selector)}`;
          ctx.report({ path: [], messageId: 'params-not-found', data: { binding: b.name, ref } });
        }
        return;
      }
    }
    const base = admissionBindings(obj, ctx.index, c.reads);
    for (const param of params) {
      const vars = new VariableBindings(param ? { ...base, params: toCel(param.value) } : base, c.needed);
      evaluate(c, vars, failurePolicy, ctx);
    }
  });
  return { ok: true, policy: { check, kind: 'vap', file: file ?? vap.obj.file } };
}

function evaluate(c: CompiledVap, vars: VariableBindings, failurePolicy: 'Fail' | 'Ignore', ctx: CheckContext<unknown>): void {
  // Match conditions: any false skips the policy; otherwise an error is handled by failurePolicy.
  let conditionError: string | undefined;
  for (const m of c.conditions) {
    const o = evaluateCondition(m.program, vars);
    if (o.kind === 'fail') return;
    if (o.kind === 'error' && conditionError === undefined) conditionError = `matchCondition "${m.name}": ${offline(m.program, o.message)}`;
  }
  if (conditionError !== undefined) {
    if (failurePolicy === 'Fail') ctx.report({ path: [], messageId: 'expression-error', data: { rule: 'of a matchCondition', error: conditionError } });
    return;
  }
  for (const v of c.validations) {
    const o = evaluateCondition(v.program, vars);
    if (o.kind === 'pass') continue;
    if (o.kind === 'error') {
      if (failurePolicy === 'Fail') ctx.report({ path: [], messageId: 'expression-error', data: { rule: `spec.validations[${v.index}]`, error: offline(v.program, o.message) } });
      continue;
    }
    const messageId = `validation-${v.index + 1}`;
    if (v.messageProgram) ctx.report({ path: [], messageId, data: { message: evaluateMessage(v.messageProgram, vars) ?? v.message ?? `failed expression: ${v.expression}` } });
    else ctx.report({ path: [], messageId });
  }
}

function offline(program: CelProgram, message: string): string {
  return program.references.has('authorizer') ? `${message} (authorizer checks need a cluster and cannot be evaluated by a scan)` : message;
}

/** Params for one object: objects of the param kind from the policy sources, then from the scan, per the binding's paramRef. */
function findParams(
  kind: { apiVersion: string; kind: string },
  ref: NonNullable<BindingSpec['paramRef']>,
  obj: ConfigObject,
  fromSources: readonly ConfigObject[],
  index: ObjectIndex,
): ConfigObject[] {
  const fromScan = index.ofKind(kind.kind).filter((o) => o.apiVersion === kind.apiVersion);
  const seen = new Set<string>();
  const candidates: ConfigObject[] = [];
  for (const o of [...fromSources, ...fromScan]) {
    const key = `${o.namespace}/${o.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push(o);
  }
  // Cluster-scoped param kinds (built-in, or a custom kind none of whose objects has a namespace) ignore the object's namespace.
  const clusterScoped = isClusterScoped({ kind: kind.kind }) || (candidates.length > 0 && candidates.every((o) => o.namespace === ''));
  const namespace = ref.namespace ?? (clusterScoped ? '' : obj.namespace);
  const inScope = candidates.filter((o) => o.namespace === namespace);
  if (ref.name !== undefined) return inScope.filter((o) => o.name === ref.name);
  return inScope.filter((o) => matchesLabelSelector(ref.selector as LabelSelector, o.labels));
}

function matchesResources(m: MatchResources, obj: ConfigObject, index: ObjectIndex, isPolicy: boolean): boolean {
  if (m.namespaceSelector && (obj.kind === 'Namespace' || !isClusterScoped(obj))) {
    if (!matchesLabelSelector(m.namespaceSelector, namespaceLabelsOf(obj, index))) return false;
  }
  if (m.objectSelector && !matchesLabelSelector(m.objectSelector, obj.labels)) return false;
  const rules = m.resourceRules ?? [];
  // A policy matches nothing without resource rules; a binding without them does not narrow the policy.
  if (rules.length === 0 ? isPolicy : !rules.some((r) => ruleMatches(r, obj, m.matchPolicy))) return false;
  if ((m.excludeResourceRules ?? []).some((r) => ruleMatches(r, obj, 'Exact'))) return false;
  return true;
}

function ruleMatches(r: Rule, obj: ConfigObject, matchPolicy: 'Exact' | 'Equivalent'): boolean {
  const { group, version } = splitApiVersion(obj.apiVersion);
  if (!r.operations.includes('*') && !r.operations.includes('CREATE')) return false;
  if (!r.apiGroups.includes('*') && !r.apiGroups.includes(group)) return false;
  // Equivalent (the default) also matches other versions of the same group: the API server converts the object.
  if (!r.apiVersions.includes('*') && !r.apiVersions.includes(version) && !(matchPolicy === 'Equivalent' && r.apiVersions.length > 0)) return false;
  const resource = resourceOf(obj.kind);
  // `pods/*` and `*/status` name subresources; a scanned object is always the main resource.
  if (!r.resources.some((p) => p === '*' || p === '*/*' || p === resource)) return false;
  if (r.resourceNames.length > 0 && !r.resourceNames.includes(obj.name)) return false;
  const cluster = isClusterScoped(obj);
  if (r.scope === 'Cluster' && !cluster) return false;
  if (r.scope === 'Namespaced' && cluster) return false;
  return true;
}

function at(obj: ConfigObject, path: DataPath): Location {
  return obj.source.locate([...obj.basePath, ...path]);
}

function fmt(path: DataPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

function located(error: z.ZodError, obj: ConfigObject): ConfigIssue[] {
  return error.issues.map((i) => {
    const path = i.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    return { message: `${obj.kind} ${nameOf(obj)}: ${path.length > 0 ? fmt(path) : '(top level)'}: ${i.message}`, location: at(obj, path) };
  });
}

function nameOf(obj: ConfigObject): string {
  return obj.name ? `"${obj.name}"` : '(unnamed)';
}

/**
 * Lines of the file around a VAP, for locating a position inside an expression: the object's document text, aligned to
 * file lines through the location of the document's first key (documents can start with `---` and comments).
 */
function docLines(obj: ConfigObject): (line: number) => string | undefined {
  if (obj.basePath.length > 0) return () => undefined;
  const lines = obj.docText().split(/\r?\n/);
  const firstKey = lines.findIndex((l) => /^[^\s#%-]/.test(l) || /^-[^-]/.test(l));
  if (firstKey < 0) return () => undefined;
  const rootLine = obj.source.locate([]).startLine;
  const offset = rootLine - firstKey;
  return (n) => lines[n - offset];
}

