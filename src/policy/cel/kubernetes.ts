import type { CelInput } from '@bufbuild/cel';
import picomatch from 'picomatch';
import { z } from 'zod';
import type { ConfigObject } from '../../core/config-object.js';
import type { ObjectIndex } from '../../checks/_lib/object-index.js';
import { toCel } from './values.js';

/*
 * What admission control knows about an object and the scanner has to reconstruct: label selectors, the REST resource
 * (plural) of a kind, whether a kind is cluster-scoped, the labels of the object's namespace, and the AdmissionRequest
 * a CREATE of the object would produce. Shared by CEL policies and ValidatingAdmissionPolicies.
 */

const labelSelectorRequirement = z
  .object({
    key: z.string().min(1),
    operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
    values: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const needsValues = r.operator === 'In' || r.operator === 'NotIn';
    if (needsValues && (r.values ?? []).length === 0) ctx.addIssue({ code: 'custom', message: `operator ${r.operator} needs a non-empty values list`, path: ['values'] });
    if (!needsValues && (r.values ?? []).length > 0) ctx.addIssue({ code: 'custom', message: `operator ${r.operator} takes no values`, path: ['values'] });
  });

/** metav1.LabelSelector. */
export const labelSelectorSchema = z
  .object({
    matchLabels: z.record(z.string(), z.string()).optional(),
    matchExpressions: z.array(labelSelectorRequirement).optional(),
  })
  .strict();
export type LabelSelector = z.infer<typeof labelSelectorSchema>;

/** Kubernetes semantics: every term must hold; an empty selector matches everything. */
export function matchesLabelSelector(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const r of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.operator) {
      case 'In':
        if (!has || !(r.values ?? []).includes(labels[r.key]!)) return false;
        break;
      case 'NotIn':
        if (has && (r.values ?? []).includes(labels[r.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

const globs = new Map<string, (s: string) => boolean>();
/** Shell-style glob (`prod-*`, `team-?`), case-sensitive like Kubernetes names. */
export function globMatch(pattern: string, value: string): boolean {
  let m = globs.get(pattern);
  if (!m) globs.set(pattern, (m = picomatch(pattern, { dot: true, nobrace: true, noextglob: true })));
  return m(value);
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Plural resource names that the usual guess (lower case + s / es / ies) gets wrong, and every built-in kind for clarity. */
const RESOURCES: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointslices',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  ServiceAccount: 'serviceaccounts',
  Namespace: 'namespaces',
  Node: 'nodes',
  PersistentVolume: 'persistentvolumes',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  ReplicationController: 'replicationcontrollers',
  LimitRange: 'limitranges',
  ResourceQuota: 'resourcequotas',
  Event: 'events',
  PodTemplate: 'podtemplates',
  Binding: 'bindings',
  ComponentStatus: 'componentstatuses',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  ReplicaSet: 'replicasets',
  ControllerRevision: 'controllerrevisions',
  Job: 'jobs',
  CronJob: 'cronjobs',
  HorizontalPodAutoscaler: 'horizontalpodautoscalers',
  Ingress: 'ingresses',
  IngressClass: 'ingressclasses',
  NetworkPolicy: 'networkpolicies',
  PodDisruptionBudget: 'poddisruptionbudgets',
  Role: 'roles',
  RoleBinding: 'rolebindings',
  ClusterRole: 'clusterroles',
  ClusterRoleBinding: 'clusterrolebindings',
  StorageClass: 'storageclasses',
  VolumeAttachment: 'volumeattachments',
  CSIDriver: 'csidrivers',
  CSINode: 'csinodes',
  CSIStorageCapacity: 'csistoragecapacities',
  PriorityClass: 'priorityclasses',
  RuntimeClass: 'runtimeclasses',
  Lease: 'leases',
  CustomResourceDefinition: 'customresourcedefinitions',
  APIService: 'apiservices',
  ValidatingWebhookConfiguration: 'validatingwebhookconfigurations',
  MutatingWebhookConfiguration: 'mutatingwebhookconfigurations',
  ValidatingAdmissionPolicy: 'validatingadmissionpolicies',
  ValidatingAdmissionPolicyBinding: 'validatingadmissionpolicybindings',
  MutatingAdmissionPolicy: 'mutatingadmissionpolicies',
  MutatingAdmissionPolicyBinding: 'mutatingadmissionpolicybindings',
  CertificateSigningRequest: 'certificatesigningrequests',
  FlowSchema: 'flowschemas',
  PriorityLevelConfiguration: 'prioritylevelconfigurations',
  PodSecurityPolicy: 'podsecuritypolicies',
  Gateway: 'gateways',
  GatewayClass: 'gatewayclasses',
  HTTPRoute: 'httproutes',
};

/** Built-in kinds that are not namespaced. Kinds not listed (CRDs) count as namespaced when the object has a namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ComponentStatus',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'VolumeAttachment',
  'CSIDriver',
  'CSINode',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'CustomResourceDefinition',
  'APIService',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'PodSecurityPolicy',
  'GatewayClass',
  'ClusterIssuer',
]);

/** The REST resource of a kind: the table above, else the API machinery's guess (lower case; s → ses, y → ies, else + s). */
export function resourceOf(kind: string): string {
  const known = RESOURCES[kind];
  if (known) return known;
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

export function isClusterScoped(obj: Pick<ConfigObject, 'kind'>): boolean {
  return CLUSTER_SCOPED.has(obj.kind);
}

/** The label every namespace carries since Kubernetes 1.21 (set by the API server, so manifests rarely spell it). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Labels of the namespace an object is created in, as a namespaceSelector sees them: the Namespace object's labels when
 * the scan has it, plus the automatic name label; `{}` when the object sets no namespace (it is unknown before apply).
 */
export function namespaceLabelsOf(obj: ConfigObject, index: ObjectIndex): Record<string, string> {
  if (obj.kind === 'Namespace') return { ...obj.labels, [NAMESPACE_NAME_LABEL]: obj.name };
  if (obj.namespace === '') return {};
  const ns = namespaceObjectOf(obj, index);
  return { ...(ns?.labels ?? {}), [NAMESPACE_NAME_LABEL]: obj.namespace };
}

/** The scan's Namespace object for the object's namespace, if any. */
export function namespaceObjectOf(obj: ConfigObject, index: ObjectIndex): ConfigObject | undefined {
  if (obj.namespace === '') return undefined;
  return index.memo(`palisade.cel.namespace:${obj.namespace}`, () => index.ofKind('Namespace').find((n) => n.target === 'kubernetes' && n.name === obj.namespace));
}

/**
 * The admission request a `kubectl create` of the object would send (admission.k8s.io/v1 AdmissionRequest fields that
 * CEL admission expressions can read). The user is unknown to a scanner, so userInfo is empty.
 */
export function admissionRequestOf(obj: ConfigObject): Record<string, unknown> {
  const { group, version } = splitApiVersion(obj.apiVersion);
  const gvk = { group, version, kind: obj.kind };
  const gvr = { group, version, resource: resourceOf(obj.kind) };
  return {
    uid: '',
    kind: gvk,
    resource: gvr,
    subResource: '',
    requestKind: gvk,
    requestResource: gvr,
    requestSubResource: '',
    name: obj.name,
    namespace: obj.namespace,
    operation: 'CREATE',
    userInfo: { username: '', uid: '', groups: [], extra: {} },
    dryRun: false,
    options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
  };
}

const requests = new WeakMap<ConfigObject, CelInput>();

/**
 * The admission variables of a Kubernetes object: `object`, `oldObject` (null: a CREATE), `params` (null unless a
 * binding supplies them), and — only when an expression reads them, since they cost a lookup or a conversion —
 * `request` and `namespaceObject` (the scan's Namespace object, or null).
 */
export function admissionBindings(obj: ConfigObject, index: ObjectIndex, reads: ReadonlySet<string>): Record<string, CelInput> {
  const b: Record<string, CelInput> = { object: toCel(obj.value), oldObject: null, params: null };
  if (reads.has('request')) {
    let request = requests.get(obj);
    if (request === undefined) requests.set(obj, (request = toCel(admissionRequestOf(obj))));
    b.request = request;
  }
  if (reads.has('namespaceObject')) {
    const ns = isClusterScoped(obj) ? undefined : namespaceObjectOf(obj, index);
    b.namespaceObject = ns ? toCel(ns.value) : null;
  }
  return b;
}
