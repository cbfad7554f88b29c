import { z } from 'zod';
import type { CelInput } from '@bufbuild/cel';
import type { CheckTarget, ConfigObject } from '../../core/config-object.js';
import type { DataPath, Location } from '../../core/location.js';
import { SEVERITIES, type Severity } from '../../core/severity.js';
import { checkFromMeta, type ReportDescriptor } from '../../checks/define-check.js';
import type { ObjectIndex } from '../../checks/_lib/object-index.js';
import { parseYamlDocuments, type SourceLocator } from '../../parsers/k8s-yaml/index.js';
import { CelEnvironment, type CelProgram } from '../cel/environment.js';
import { evaluateCondition, evaluateMessage, neededVariables, VariableBindings, type CompiledVariable } from '../cel/evaluate.js';
import { admissionBindings, globMatch, labelSelectorSchema, matchesLabelSelector, namespaceLabelsOf } from '../cel/kubernetes.js';
import { linesOf, locateInExpression } from '../cel/locate.js';
import { toCel } from '../cel/values.js';
import { zodIssues, type ConfigIssue } from '../located.js';
import { parsePath } from '../sdk.js';
import { buildCustomMeta, customMetaSchema } from './meta.js';
import type { CompileResult, CompiledPolicy } from './types.js';

/*
 * Palisade CEL policies: YAML documents of `apiVersion: palisade.dev/v1, kind: Policy` whose validations are CEL
 * expressions over the same objects the built-in checks see (docs/cel-policies.md describes the format). Each document
 * compiles into one check; its findings carry the policy's own ID.
 */

export const CEL_POLICY_API_VERSION = 'palisade.dev/v1';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const matchSchema = z
  .object({
    /** Kubernetes kinds; Terraform resource types; `ComposeService`; `Dockerfile`. Default: every kind of the target. */
    kinds: z.array(z.string().min(1)).min(1).optional(),
    /** `apps/v1`, `apps/*`, `v1` (Kubernetes); the provider for Terraform (`aws`). */
    apiVersions: z.array(z.string().min(1)).min(1).optional(),
    /** Object names (globs). */
    names: z.array(z.string().min(1)).min(1).optional(),
    /** Namespace globs; an object without a namespace matches none of them. */
    namespaces: z.array(z.string().min(1)).min(1).optional(),
    excludeNamespaces: z.array(z.string().min(1)).optional(),
    /** Label selector on the object's own labels. */
    labels: labelSelectorSchema.optional(),
    /** Label selector on the object's namespace (the Namespace object of the scan, plus kubernetes.io/metadata.name). */
    namespaceSelector: labelSelectorSchema.optional(),
  })
  .strict();

const variableSchema = z
  .object({
    name: z.string().regex(IDENTIFIER, 'variable names are identifiers: letters, digits and _, not starting with a digit'),
    expression: z.string().min(1),
  })
  .strict();

const validationSchema = z
  .object({
    expression: z.string().min(1),
    message: z.string().trim().min(1).optional(),
    messageExpression: z.string().min(1).optional(),
    /** Where findings are reported: a data path into the object (`spec.template.spec.containers`). Default: the object. */
    path: z.string().min(1).optional(),
    severity: z.enum(SEVERITIES).optional(),
  })
  .strict();

const specSchema = customMetaSchema
  .omit({ kinds: true, messages: true, examples: true })
  .extend({
    failurePolicy: z.enum(['Fail', 'Ignore']).default('Fail'),
    match: matchSchema.default({}),
    variables: z.array(variableSchema).default([]),
    validations: z.array(validationSchema).min(1, 'a policy needs at least one validation'),
  })
  .strict();

const policyDocumentSchema = z
  .object({
    apiVersion: z.literal(CEL_POLICY_API_VERSION, { message: `apiVersion must be ${CEL_POLICY_API_VERSION}` }),
    kind: z.literal('Policy', { message: 'kind must be Policy' }),
    metadata: z.looseObject({ name: z.string().min(1) }),
    spec: specSchema,
  })
  .strict();

type PolicySpec = z.output<typeof specSchema>;
type MatchSpec = z.output<typeof matchSchema>;

/** Variables a CEL policy expression may read, per target (see docs/cel-policies.md). */
export function celPolicyVariables(target: CheckTarget): string[] {
  return target === 'kubernetes' ? ['object', 'oldObject', 'params', 'request', 'namespaceObject', 'resource', 'variables'] : ['object', 'resource', 'variables'];
}

const environments = new Map<string, CelEnvironment>();
function environmentFor(target: CheckTarget, variableNames: readonly string[]): CelEnvironment {
  const key = `${target}\u0000${variableNames.join('\u0000')}`;
  let env = environments.get(key);
  if (!env) {
    if (environments.size > 256) environments.clear();
    env = new CelEnvironment({ variables: celPolicyVariables(target), fields: { variables: variableNames } });
    environments.set(key, env);
  }
  return env;
}

interface CompiledValidation {
  index: number;
  expression: string;
  program: CelProgram;
  messageProgram: CelProgram | undefined;
  message: string | undefined;
  messageId: string;
  path: DataPath;
  severity: Severity | undefined;
}

/** A policy file's text → one compiled check per policy document. Problems come back located at the offending value. */
export function compileCelPolicies(text: string, file: string): CompileResult {
  const policies: CompiledPolicy[] = [];
  const issues: ConfigIssue[] = [];
  const parsed = parseYamlDocuments(text, file);
  issues.push(...parsed.errors.map((e) => ({ message: e.message, location: e.location })));
  if (parsed.errors.length > 0) return { policies, issues };
  const lineAt = linesOf(text);
  for (const doc of parsed.documents) {
    if (doc.value === null || doc.value === undefined) continue;
    const located = { value: doc.value, source: doc.source };
    const isRecordValue = typeof doc.value === 'object' && !Array.isArray(doc.value);
    const head = isRecordValue ? (doc.value as Record<string, unknown>) : {};
    if (head.apiVersion !== CEL_POLICY_API_VERSION || head.kind !== 'Policy') {
      issues.push({
        message: `document ${doc.index + 1} is not a Palisade policy (expected apiVersion: ${CEL_POLICY_API_VERSION}, kind: Policy); ValidatingAdmissionPolicies go in files of their own`,
        location: doc.source.locate([]),
      });
      continue;
    }
    const r = policyDocumentSchema.safeParse(doc.value);
    if (!r.success) {
      issues.push(...zodIssues(r.error, located, file));
      continue;
    }
    const compiled = compileDocument(r.data.metadata.name, r.data.spec, doc.source, lineAt, file);
    issues.push(...compiled.issues);
    if (compiled.policy) policies.push(compiled.policy);
  }
  return { policies, issues };
}

function compileDocument(
  name: string,
  spec: PolicySpec,
  source: SourceLocator,
  lineAt: (line: number) => string | undefined,
  file: string,
): { policy?: CompiledPolicy; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const at = (path: DataPath): Location => source.locate(['spec', ...path]);
  const target = spec.target;
  const names = spec.variables.map((v) => v.name);
  const env = environmentFor(target, names);

  const compile = (expression: string, path: DataPath): CelProgram | undefined => {
    const c = env.compile(expression);
    if (c.ok) return c.program;
    issues.push({ message: `invalid CEL in spec.${fmt(path)}: ${c.error.message}`, location: locateInExpression(at(path), lineAt, expression, c.error) });
    return undefined;
  };

  const variables: CompiledVariable[] = [];
  const seen = new Set<string>();
  spec.variables.forEach((v, i) => {
    if (seen.has(v.name)) issues.push({ message: `variable "${v.name}" is defined twice`, location: at(['variables', i, 'name']) });
    seen.add(v.name);
    const program = compile(v.expression, ['variables', i, 'expression']);
    if (!program) return;
    const later = [...(program.fieldReferences.get('variables') ?? [])].filter((n) => n !== '*' && !names.slice(0, i).includes(n));
    if (later.length > 0) {
      issues.push({
        message: `variable "${v.name}" reads ${later.map((n) => `variables.${n}`).join(', ')}, which is not defined before it`,
        location: at(['variables', i, 'expression']),
      });
      return;
    }
    variables.push({ name: v.name, program });
  });

  const validations: CompiledValidation[] = [];
  const messages: Record<string, string> = {};
  spec.validations.forEach((v, i) => {
    const program = compile(v.expression, ['validations', i, 'expression']);
    const messageProgram = v.messageExpression === undefined ? undefined : compile(v.messageExpression, ['validations', i, 'messageExpression']);
    let path: DataPath = [];
    if (v.path !== undefined) {
      try {
        path = parsePath(v.path);
      } catch (e) {
        issues.push({ message: `spec.validations[${i}].path: ${e instanceof Error ? e.message : String(e)}`, location: at(['validations', i, 'path']) });
      }
    }
    if (!program || (v.messageExpression !== undefined && !messageProgram)) return;
    const messageId = `validation-${i + 1}`;
    // A message expression fills the template at run time; a static message is the template itself.
    messages[messageId] = v.messageExpression !== undefined ? '{{message}}' : (v.message ?? `failed expression: ${v.expression}`);
    validations.push({ index: i, expression: v.expression, program, messageProgram, message: v.message, messageId, path, severity: v.severity });
  });
  messages['expression-error'] = 'expression of validation {{rule}} could not be evaluated: {{error}}';

  const slug = spec.slug ?? (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) ? name : undefined);
  const built = buildCustomMeta({
    id: spec.id,
    title: spec.title,
    severity: spec.severity,
    target,
    kinds: spec.match.kinds ?? ['*'],
    category: spec.category,
    ...(slug ? { slug } : {}),
    aliases: spec.aliases,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.rationale ? { rationale: spec.rationale } : {}),
    ...(spec.remediation ? { remediation: spec.remediation } : {}),
    references: spec.references,
    peers: spec.peers,
    messages,
    defaultEnabled: spec.defaultEnabled,
  });
  if (!built.ok) {
    for (const i of built.error.issues) issues.push({ message: `${i.path.join('.') || 'spec'}: ${i.message}`, location: source.locate(['spec']) });
  }
  if (issues.length > 0 || !built.ok) return { issues };

  const programs = validations.flatMap((v) => (v.messageProgram ? [v.program, v.messageProgram] : [v.program]));
  const needed = neededVariables(programs, variables);
  const reads = new Set([...programs, ...needed.map((v) => v.program)].flatMap((p) => [...p.references]));
  const match = spec.match;
  const failurePolicy = spec.failurePolicy;
  const check = checkFromMeta<unknown>(built.meta, (obj, ctx) => {
    if (!matches(match, obj, ctx.index)) return;
    const vars = new VariableBindings(bindingsFor(obj, ctx.index, reads), needed);
    for (const v of validations) {
      const outcome = evaluateCondition(v.program, vars);
      if (outcome.kind === 'pass') continue;
      const report: ReportDescriptor =
        outcome.kind === 'error'
          ? { path: v.path, messageId: 'expression-error', data: { rule: `spec.validations[${v.index}]`, error: outcome.message } }
          : {
              path: v.path,
              messageId: v.messageId,
              ...(v.messageProgram ? { data: { message: evaluateMessage(v.messageProgram, vars) ?? v.message ?? `failed expression: ${v.expression}` } } : {}),
            };
      if (outcome.kind === 'error' && failurePolicy === 'Ignore') continue;
      // Per-validation severity rides on the report; the engine applies it where it supports per-finding severities.
      if (v.severity) report.severity = v.severity;
      ctx.report(report);
    }
  });
  return { policy: { check, kind: 'cel', file }, issues };
}

function fmt(path: DataPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

function matches(m: MatchSpec, obj: ConfigObject, index: ObjectIndex): boolean {
  if (m.apiVersions && !m.apiVersions.some((p) => apiVersionMatches(p, obj.apiVersion))) return false;
  if (m.names && !m.names.some((p) => globMatch(p, obj.name))) return false;
  if (m.namespaces && (obj.namespace === '' || !m.namespaces.some((p) => globMatch(p, obj.namespace)))) return false;
  if (m.excludeNamespaces && obj.namespace !== '' && m.excludeNamespaces.some((p) => globMatch(p, obj.namespace))) return false;
  if (m.labels && !matchesLabelSelector(m.labels, obj.labels)) return false;
  if (m.namespaceSelector && !matchesLabelSelector(m.namespaceSelector, namespaceLabelsOf(obj, index))) return false;
  return true;
}

/** `apps/v1` exactly, `apps/*` any version of a group, `*` anything. */
function apiVersionMatches(pattern: string, apiVersion: string): boolean {
  if (pattern === '*' || pattern === apiVersion) return true;
  if (pattern.endsWith('/*')) return apiVersion.startsWith(pattern.slice(0, -1));
  return false;
}

const resources = new WeakMap<ConfigObject, CelInput>();

/** What a CEL policy expression sees for one object; variables the policy never reads are not computed. */
function bindingsFor(obj: ConfigObject, index: ObjectIndex, reads: ReadonlySet<string>): Record<string, CelInput> {
  const b = obj.target === 'kubernetes' ? admissionBindings(obj, index, reads) : { object: toCel(obj.value) };
  if (reads.has('resource')) {
    let resource = resources.get(obj);
    if (resource === undefined) {
      resource = toCel({ apiVersion: obj.apiVersion, kind: obj.kind, name: obj.name, namespace: obj.namespace, labels: obj.labels, annotations: obj.annotations, file: obj.file });
      resources.set(obj, resource);
    }
    b.resource = resource;
  }
  return b;
}
