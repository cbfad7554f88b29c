import type { DataPath } from '../../core/location.js';
import type { ReportDescriptor } from '../define-check.js';
import { isRecord, type K8sObject } from '../../parsers/k8s-yaml/index.js';
import type { ObjectIndex } from './object-index.js';
import { podSpec, type Rec } from './pod.js';

/** Kinds whose `rules` are RBAC policy rules. */
export const ROLE_KINDS = ['Role', 'ClusterRole'] as const;
/** Kinds that bind a role to subjects. */
export const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'] as const;

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Strings of a YAML list, ignoring anything that is not a string (Kubernetes would reject it). */
export function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Objects the API server creates and reconciles itself (`kubernetes.io/bootstrapping: rbac-defaults`):
 * cluster-admin, system:node, … They show up in `kubectl get -o yaml` dumps but cannot be changed by users.
 */
export function isBootstrapRbac(obj: K8sObject): boolean {
  return obj.labels['kubernetes.io/bootstrapping'] === 'rbac-defaults';
}

export interface RuleRef {
  index: number;
  /** Data path of the rule, e.g. ['rules', 2]. */
  path: DataPath;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
  rule: Rec;
}

/**
 * The policy rules of a Role or ClusterRole. An aggregated ClusterRole (`aggregationRule` set) has its rules
 * overwritten by the controller from the roles it selects, which are checked themselves: it yields no rules.
 * Bootstrap roles are skipped too (see isBootstrapRbac).
 */
export function roleRules(obj: K8sObject): RuleRef[] {
  if (obj.kind !== 'Role' && obj.kind !== 'ClusterRole') return [];
  if (isBootstrapRbac(obj)) return [];
  if (obj.kind === 'ClusterRole' && isRecord(obj.value.aggregationRule)) return [];
  const rules = obj.value.rules;
  if (!Array.isArray(rules)) return [];
  const out: RuleRef[] = [];
  rules.forEach((r, index) => {
    if (!isRecord(r)) return;
    out.push({
      index,
      path: ['rules', index],
      apiGroups: stringList(r.apiGroups),
      resources: stringList(r.resources),
      verbs: stringList(r.verbs),
      resourceNames: stringList(r.resourceNames),
      nonResourceURLs: stringList(r.nonResourceURLs),
      rule: r,
    });
  });
  return out;
}

/**
 * Resources that are not namespaced. A namespaced Role that lists them grants nothing: the authorizer only
 * consults ClusterRoles (through ClusterRoleBindings) for cluster-scoped requests. Impersonation of users,
 * groups and UIDs is likewise authorized without a namespace.
 */
export const CLUSTER_SCOPED_RESOURCES: ReadonlySet<string> = new Set([
  'nodes',
  'namespaces',
  'persistentvolumes',
  'clusterroles',
  'clusterrolebindings',
  'certificatesigningrequests',
  'signers',
  'mutatingwebhookconfigurations',
  'validatingwebhookconfigurations',
  'validatingadmissionpolicies',
  'validatingadmissionpolicybindings',
  'customresourcedefinitions',
  'apiservices',
  'storageclasses',
  'priorityclasses',
  'runtimeclasses',
  'csidrivers',
  'csinodes',
  'volumeattachments',
  'ingressclasses',
  'users',
  'groups',
  'uids',
  'userextras',
]);

/** A resource the check is about, in one or more API groups ('' is the core group). May be `resource/subresource`. */
export interface Target {
  resource: string;
  groups: readonly string[];
}

export interface Permission {
  /** Verbs that count; `['*']` means any verb at all. */
  verbs: readonly string[];
  targets: readonly Target[];
}

export interface Grant {
  /** Entries of the rule's `verbs` that matched (e.g. `*` or `get`), in rule order. */
  verbs: string[];
  /** Entries of the rule's `resources` that matched (e.g. `*`, `*\/exec`, `secrets`), in rule order. */
  resources: string[];
  /** The targets (from the permission) the rule grants, e.g. `pods/exec`. */
  targets: string[];
  /** True when the grant comes only from a wildcard (verb, resource or group). */
  viaWildcard: boolean;
}

/** RBAC VerbMatches: `*` or an exact (case-sensitive) match. */
export function verbMatches(ruleVerbs: readonly string[], verb: string): boolean {
  return ruleVerbs.includes('*') || ruleVerbs.includes(verb);
}

/** RBAC APIGroupMatches: `*` or an exact match. */
export function apiGroupMatches(ruleGroups: readonly string[], group: string): boolean {
  return ruleGroups.includes('*') || ruleGroups.includes(group);
}

/** The entry of `ruleResources` that grants `resource` (`pods` or `pods/exec`), following RBAC ResourceMatches. */
export function matchingResourceEntry(ruleResources: readonly string[], resource: string): string | undefined {
  const slash = resource.indexOf('/');
  const sub = slash >= 0 ? resource.slice(slash + 1) : '';
  for (const r of ruleResources) {
    if (r === '*' || r === resource) return r;
    if (sub !== '' && r === `*/${sub}`) return r;
  }
  return undefined;
}

export interface GrantOptions {
  /**
   * Treat a rule restricted by `resourceNames` as not granting the permission. Only sensible for verbs that
   * resourceNames can restrict (get, list, watch, update, patch, delete, bind, …), never for create.
   */
  ignoreNamed?: boolean;
  /**
   * Cluster-scoped targets that still count in a namespaced Role for this verb: `bind` on clusterroles is checked in
   * the namespace of the RoleBinding that references the ClusterRole.
   */
  namespacedUse?: readonly string[];
}

/**
 * What a rule of `obj` (a Role or ClusterRole) grants of `perm`, with RBAC `*` semantics for verbs, API groups
 * and resources (`*` and `*\/subresource`). Cluster-scoped targets never match in a namespaced Role.
 */
export function ruleGrants(obj: K8sObject, rule: RuleRef, perm: Permission, opts: GrantOptions = {}): Grant | undefined {
  if (opts.ignoreNamed && rule.resourceNames.length > 0) return undefined;
  const anyVerb = perm.verbs.includes('*');
  const verbs = rule.verbs.filter((v) => anyVerb || v === '*' || perm.verbs.includes(v));
  if (verbs.length === 0) return undefined;
  const resources: string[] = [];
  const targets: string[] = [];
  let exact = false;
  for (const t of perm.targets) {
    const base = t.resource.split('/')[0]!;
    if (obj.kind === 'Role' && CLUSTER_SCOPED_RESOURCES.has(base) && !opts.namespacedUse?.includes(t.resource)) continue;
    const group = t.groups.find((g) => apiGroupMatches(rule.apiGroups, g));
    if (group === undefined) continue;
    const entry = matchingResourceEntry(rule.resources, t.resource);
    if (entry === undefined) continue;
    if (!resources.includes(entry)) resources.push(entry);
    if (!targets.includes(t.resource)) targets.push(t.resource);
    if (entry !== '*' && !entry.startsWith('*/') && rule.apiGroups.includes(group)) exact = true;
  }
  if (targets.length === 0) return undefined;
  const exactVerb = verbs.some((v) => v !== '*');
  resources.sort((a, b) => rule.resources.indexOf(a) - rule.resources.indexOf(b));
  return { verbs, resources, targets, viaWildcard: !(exact && exactVerb) };
}

/** `get, list` — for messages. */
export function listText(items: readonly string[]): string {
  return items.join(', ');
}

/** Message data shared by the rule checks: kind, rule index, matched verbs and granted targets. */
export function grantData(obj: K8sObject, rule: RuleRef, g: Grant): Record<string, string | number> {
  return {
    kind: obj.kind,
    rule: rule.index,
    verbs: listText(g.verbs),
    resources: listText(g.targets),
    how: g.viaWildcard ? ' through a wildcard' : '',
  };
}

/**
 * Reports every rule of a Role/ClusterRole that grants `perm`, at the rule's `verbs` or `resources`, with the
 * message data of grantData (kind, rule, verbs, resources, how).
 */
export function reportGrants(
  obj: K8sObject,
  report: (d: ReportDescriptor) => void,
  perm: Permission,
  at: 'verbs' | 'resources',
  opts: GrantOptions = {},
): void {
  for (const rule of roleRules(obj)) {
    const g = ruleGrants(obj, rule, perm, opts);
    if (g) report({ path: [...rule.path, at], data: grantData(obj, rule, g) });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Bindings

export interface SubjectRef {
  index: number;
  path: DataPath;
  kind: string;
  name: string;
  namespace: string;
}

/** Subjects of a RoleBinding or ClusterRoleBinding (bootstrap bindings yield none). */
export function bindingSubjects(obj: K8sObject): SubjectRef[] {
  if (obj.kind !== 'RoleBinding' && obj.kind !== 'ClusterRoleBinding') return [];
  if (isBootstrapRbac(obj)) return [];
  const subjects = obj.value.subjects;
  if (!Array.isArray(subjects)) return [];
  const out: SubjectRef[] = [];
  subjects.forEach((s, index) => {
    if (!isRecord(s)) return;
    out.push({
      index,
      path: ['subjects', index],
      kind: typeof s.kind === 'string' ? s.kind : '',
      name: typeof s.name === 'string' ? s.name : '',
      namespace: typeof s.namespace === 'string' ? s.namespace : '',
    });
  });
  return out;
}

export interface RoleRefInfo {
  kind: string;
  name: string;
}

export function roleRef(obj: K8sObject): RoleRefInfo | undefined {
  const r = obj.value.roleRef;
  if (!isRecord(r)) return undefined;
  return { kind: typeof r.kind === 'string' ? r.kind : '', name: typeof r.name === 'string' ? r.name : '' };
}

/** `ServiceAccount ns/name`, `Group system:masters` — for messages. */
export function subjectText(s: SubjectRef): string {
  if (s.kind === 'ServiceAccount' && s.namespace !== '') return `ServiceAccount ${s.namespace}/${s.name}`;
  return `${s.kind || 'subject'} ${s.name}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Service accounts of pods

export interface PodServiceAccount {
  /** The service account the pods run as ('default' when none is set). */
  name: string;
  /** Which field set it, or 'none'. `serviceAccountName` wins over the deprecated `serviceAccount`. */
  from: 'serviceAccountName' | 'serviceAccount' | 'none';
  path: DataPath;
}

function nonEmptyString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The service account a pod-bearing object's pods run as. */
export function podServiceAccount(obj: K8sObject): PodServiceAccount | undefined {
  const pod = podSpec(obj);
  if (!pod) return undefined;
  const san = nonEmptyString(pod.spec.serviceAccountName);
  if (san) return { name: san, from: 'serviceAccountName', path: [...pod.path, 'serviceAccountName'] };
  const sa = nonEmptyString(pod.spec.serviceAccount);
  if (sa) return { name: sa, from: 'serviceAccount', path: [...pod.path, 'serviceAccount'] };
  return { name: 'default', from: 'none', path: [...pod.path, 'serviceAccountName'] };
}

export interface TokenAutomount {
  /** Whether the API token is mounted into the pods. */
  mounted: boolean;
  /** Where the decision comes from. */
  from: 'pod' | 'service-account' | 'default';
  /** The pod's field (present or where it belongs). */
  path: DataPath;
  serviceAccount: string;
}

/**
 * Whether pods get a service account token: the pod's `automountServiceAccountToken` wins; otherwise the
 * ServiceAccount's own setting when that object is part of the scan (same namespace); otherwise true.
 */
export function tokenAutomount(obj: K8sObject, index: ObjectIndex): TokenAutomount | undefined {
  const pod = podSpec(obj);
  const sa = podServiceAccount(obj);
  if (!pod || !sa) return undefined;
  const path = [...pod.path, 'automountServiceAccountToken'];
  const own = pod.spec.automountServiceAccountToken;
  if (typeof own === 'boolean') return { mounted: own, from: 'pod', path, serviceAccount: sa.name };
  const saObj = index.find('ServiceAccount', sa.name, obj.namespace);
  if (saObj && typeof saObj.value.automountServiceAccountToken === 'boolean') {
    return { mounted: saObj.value.automountServiceAccountToken, from: 'service-account', path, serviceAccount: sa.name };
  }
  return { mounted: true, from: 'default', path, serviceAccount: sa.name };
}
