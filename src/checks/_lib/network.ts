import type { DataPath } from '../../core/location.js';
import { isRecord, type K8sObject } from '../../parsers/k8s-yaml/index.js';
import type { ObjectIndex } from './object-index.js';
import { asArray, asRecord, containers, POD_KINDS, podLabels, podSpec } from './pod.js';

/**
 * True for an unrendered placeholder (`$SA_NAME`, `${KSA}`, `<KSA_NAME>`, `{{ .Values.x }}`) where a name or label
 * value belongs: no Kubernetes name or label value contains these characters, so the manifest is a template and a
 * cross-reference cannot be judged.
 */
export function isPlaceholder(value: string): boolean {
  return /[\s${}<>]/.test(value);
}

/** Namespaces Kubernetes itself creates and manages; namespace-level hygiene checks skip them. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/** A manifest without `metadata.namespace` lands in `default` unless the deploy tool says otherwise. */
export function normalizeNamespace(ns: string): string {
  return ns === '' ? 'default' : ns;
}

/** Same namespace, treating unset ('') and 'default' as one. */
export function sameNamespace(a: string, b: string): boolean {
  return normalizeNamespace(a) === normalizeNamespace(b);
}

/** Objects of the given kinds in the same namespace as `ns` ('' and 'default' are the same namespace). */
export function objectsInNamespace(index: ObjectIndex, ns: string, ...kinds: string[]): K8sObject[] {
  return index.memo(`network:inNamespace:${normalizeNamespace(ns)}:${kinds.join('|')}`, () => index.ofKind(...kinds).filter((o) => sameNamespace(o.namespace, ns)));
}

/**
 * Objects that may live in the Namespace object named `name`: those that name it, and those that name no namespace
 * at all (kustomize `namespace:`, `helm --namespace` and `kubectl apply -n` put them wherever the deployment goes).
 */
export function objectsForNamespaceObject(index: ObjectIndex, name: string, ...kinds: string[]): K8sObject[] {
  return index.ofKind(...kinds).filter((o) => o.namespace === '' || o.namespace === name);
}

/** Every pod-bearing object (Pod, Deployment, CronJob, …) of the scan in the namespace `ns`. */
export function podBearingInNamespace(index: ObjectIndex, ns: string): K8sObject[] {
  return objectsInNamespace(index, ns, ...POD_KINDS);
}

/** True when a LabelSelector has no requirement at all (`{}`, empty matchLabels and matchExpressions). */
export function isEmptySelector(sel: unknown): boolean {
  if (!isRecord(sel)) return false;
  return Object.keys(asRecord(sel.matchLabels)).length === 0 && asArray(sel.matchExpressions).length === 0;
}

/** A Service `spec.selector` (a plain label map), or undefined when it has none (then Kubernetes manages no endpoints). */
export function serviceSelector(svc: K8sObject): Record<string, string> | undefined {
  const spec = asRecord(svc.value.spec);
  if (spec.type === 'ExternalName') return undefined;
  if (!isRecord(spec.selector)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(spec.selector)) if (v !== null && v !== undefined) out[k] = String(v);
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Labels a controller adds to the pods it creates, which the pod template does not show (a Service may select
 * `statefulset.kubernetes.io/pod-name`, a NetworkPolicy `job-name`). Returns a test for the label's value, or
 * undefined when the workload's controller does not set that label.
 */
function controllerLabel(obj: K8sObject, key: string): ((value: string) => boolean) | undefined {
  const any = (): boolean => true;
  switch (obj.kind) {
    case 'Job':
    case 'CronJob':
      if (key === 'job-name' || key === 'batch.kubernetes.io/job-name') {
        // CronJob-created Jobs are named <cronjob>-<scheduled time>.
        return obj.kind === 'Job' ? (v) => v === obj.name : (v) => v.startsWith(`${obj.name}-`);
      }
      if (key === 'controller-uid' || key === 'batch.kubernetes.io/controller-uid' || key === 'batch.kubernetes.io/job-completion-index') return any;
      return undefined;
    case 'StatefulSet':
      if (key === 'statefulset.kubernetes.io/pod-name') return (v) => v.startsWith(`${obj.name}-`) && /^\d+$/.test(v.slice(obj.name.length + 1));
      if (key === 'apps.kubernetes.io/pod-index') return (v) => /^\d+$/.test(v);
      if (key === 'controller-revision-hash') return any;
      return undefined;
    case 'DaemonSet':
      return key === 'controller-revision-hash' || key === 'pod-template-generation' ? any : undefined;
    case 'Deployment':
    case 'ReplicaSet':
      return key === 'pod-template-hash' ? any : undefined;
    default:
      return undefined;
  }
}

/** Every label key some controller adds to its pods (see controllerLabel). */
const CONTROLLER_LABEL_KEYS: ReadonlySet<string> = new Set([
  'job-name', 'batch.kubernetes.io/job-name', 'controller-uid', 'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index',
  'controller-revision-hash', 'pod-template-generation', 'pod-template-hash',
]);

/**
 * Pod-bearing objects of a namespace whose pods a Service-style selector (a plain label map) selects.
 * Uses a per-scan index of template label pairs: a workload can only match `k=v` through its own template labels
 * unless `k` is a controller-added key, so one non-controller pair of the selector narrows the candidates
 * (without it, a large repository applied to one namespace makes every Service test every workload).
 */
export function workloadsSelectedByMap(index: ObjectIndex, ns: string, selector: Record<string, string>): K8sObject[] {
  const workloads = podBearingInNamespace(index, ns);
  const pair = Object.entries(selector).find(([k]) => !CONTROLLER_LABEL_KEYS.has(k));
  if (!pair) return workloads.filter((w) => PodLabelView.of(w).matchesMap(selector));
  const byPair = index.memo(`network:labelPairs:${normalizeNamespace(ns)}`, () => {
    const m = new Map<string, K8sObject[]>();
    for (const w of workloads) {
      for (const [k, v] of Object.entries(PodLabelView.of(w).labels)) {
        const key = `${k}\u0000${v}`;
        const list = m.get(key);
        if (list) list.push(w);
        else m.set(key, [w]);
      }
    }
    return m;
  });
  return (byPair.get(`${pair[0]}\u0000${pair[1]}`) ?? []).filter((w) => PodLabelView.of(w).matchesMap(selector));
}

/** The labels of a workload's pods: the template's, plus those its controller adds. */
export class PodLabelView {
  readonly labels: Record<string, string>;
  constructor(readonly obj: K8sObject) {
    this.labels = podLabels(obj);
  }

  private static readonly cache = new WeakMap<K8sObject, PodLabelView>();

  /** One view per object, shared by every check of the scan (objects are immutable while checks run). */
  static of(obj: K8sObject): PodLabelView {
    let v = PodLabelView.cache.get(obj);
    if (!v) {
      v = new PodLabelView(obj);
      PodLabelView.cache.set(obj, v);
    }
    return v;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.labels, key) || controllerLabel(this.obj, key) !== undefined;
  }

  /** True when the pods can carry `key=value`. */
  equals(key: string, value: string): boolean {
    if (Object.hasOwn(this.labels, key)) return this.labels[key] === value;
    return controllerLabel(this.obj, key)?.(value) ?? false;
  }

  /** A Service selector: a plain label map, every entry must match. */
  matchesMap(selector: Record<string, string>): boolean {
    return Object.entries(selector).every(([k, v]) => this.equals(k, v));
  }

  /** A LabelSelector (matchLabels AND matchExpressions); an empty selector selects every pod. */
  matchesSelector(sel: unknown): boolean {
    const s = asRecord(sel);
    for (const [k, v] of Object.entries(asRecord(s.matchLabels))) if (!this.equals(k, String(v))) return false;
    for (const e of asArray(s.matchExpressions)) {
      if (!isRecord(e) || typeof e.key !== 'string') return false;
      const key = e.key;
      const values = asArray(e.values).map(String);
      switch (e.operator) {
        case 'In':
          if (!values.some((v) => this.equals(key, v))) return false;
          break;
        case 'NotIn':
          // A controller label of unknown value may avoid the listed values; only a template label can rule it out.
          if (Object.hasOwn(this.labels, key) && values.includes(this.labels[key]!)) return false;
          break;
        case 'Exists':
          if (!this.has(key)) return false;
          break;
        case 'DoesNotExist':
          if (this.has(key)) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  }
}

function apiGroup(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** Kubernetes' own API groups: core, the dotless ones (apps, batch, policy, …) and *.k8s.io. */
function builtInGroup(group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

function lastTwoLabels(domain: string): string {
  return domain.split('.').slice(-2).join('.');
}

/** Label requirements of a selector as key/value pairs (matchLabels, and the values of In expressions). */
export function selectorPairs(sel: unknown): [string, string][] {
  const s = asRecord(sel);
  const structured = 'matchLabels' in s || 'matchExpressions' in s;
  const out: [string, string][] = Object.entries(structured ? asRecord(s.matchLabels) : s).map(([k, v]) => [k, String(v)]);
  for (const e of asArray(structured ? s.matchExpressions : undefined)) {
    const r = asRecord(e);
    if (typeof r.key === 'string' && r.operator === 'In') for (const v of asArray(r.values)) out.push([r.key, String(v)]);
  }
  return out;
}

/**
 * Custom resource kinds that configure something and never make an operator start pods. They are often named after
 * the application (ServiceMonitor/web, Certificate/web), so they must not hide a dangling selector.
 */
const CONFIG_KINDS: ReadonlySet<string> = new Set([
  'ServiceMonitor', 'PodMonitor', 'PrometheusRule', 'Probe', 'ScrapeConfig', 'AlertmanagerConfig',
  'Certificate', 'CertificateRequest', 'Issuer', 'ClusterIssuer',
  'VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'EnvoyFilter', 'PeerAuthentication',
  'RequestAuthentication', 'AuthorizationPolicy', 'Telemetry', 'WorkloadEntry',
  'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute', 'ReferenceGrant',
  'IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'Middleware', 'MiddlewareTCP', 'TLSOption', 'ServersTransport',
  'ExternalSecret', 'ClusterExternalSecret', 'SecretStore', 'ClusterSecretStore', 'SealedSecret',
  'VerticalPodAutoscaler', 'ScaledObject', 'TriggerAuthentication', 'ClusterTriggerAuthentication',
  'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'NetworkAttachmentDefinition',
  'BackendConfig', 'FrontendConfig', 'ManagedCertificate', 'TargetGroupBinding', 'IngressClassParams',
]);

/** Custom resources of the namespace that an operator may turn into pods and Services. */
function operatorResources(index: ObjectIndex, ns: string): K8sObject[] {
  return index.memo(`network:operatorResources:${normalizeNamespace(ns)}`, () =>
    index.objects.filter((o) => sameNamespace(o.namespace, ns) && !builtInGroup(apiGroup(o.apiVersion)) && !CONFIG_KINDS.has(o.kind)),
  );
}

/** `value` is the name of one of `crs`, or derived from it the way operators name what they create (`<name>-<part>`). */
function namedAfter(crs: readonly K8sObject[], value: string): boolean {
  return crs.some((o) => o.name !== '' && (value === o.name || value.startsWith(`${o.name}-`)));
}

/**
 * True when a selector most likely targets pods that an operator creates from a custom resource of the scan, which
 * manifests never show: a selector value is the name of such a resource in the namespace, or derived from it
 * (`prometheus: k8s` for Prometheus/k8s, `app: rook-ceph-mon` for CephCluster/rook-ceph), or a label key's domain is
 * the domain of its API group (`cnpg.io/cluster` for postgresql.cnpg.io). Configuration kinds such as ServiceMonitor
 * or Certificate do not count.
 */
export function selectsOperatorPods(index: ObjectIndex, ns: string, pairs: readonly [string, string][]): boolean {
  const crs = operatorResources(index, ns);
  if (crs.length === 0) return false;
  const domains = new Set(crs.map((o) => lastTwoLabels(apiGroup(o.apiVersion))));
  for (const [k, v] of pairs) {
    if (namedAfter(crs, v)) return true;
    const slash = k.indexOf('/');
    if (slash <= 0) continue;
    const d = lastTwoLabels(k.slice(0, slash));
    if (d === 'kubernetes.io' || d === 'k8s.io') continue;
    if (domains.has(d)) return true;
  }
  return false;
}

/** True when an object name (e.g. a Service an Ingress routes to) is likely created by an operator of the scan. */
export function createdByOperator(index: ObjectIndex, ns: string, name: string): boolean {
  return namedAfter(operatorResources(index, ns), name);
}

/** `a=1,b=2` — a label map for messages. */
export function formatLabels(labels: Record<string, unknown>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? parts.join(',') : '(none)';
}

/** A LabelSelector for messages: matchLabels plus a short form of each matchExpression. */
export function formatLabelSelector(sel: unknown): string {
  const s = asRecord(sel);
  const parts = Object.entries(asRecord(s.matchLabels)).map(([k, v]) => `${k}=${String(v)}`);
  for (const e of asArray(s.matchExpressions)) {
    if (!isRecord(e)) continue;
    const values = asArray(e.values).map(String);
    parts.push(values.length > 0 ? `${String(e.key)} ${String(e.operator)} (${values.join(',')})` : `${String(e.key)} ${String(e.operator)}`);
  }
  return parts.length > 0 ? parts.join(',') : '(everything)';
}

// ---------------------------------------------------------------------------------------------------------------------
// NetworkPolicy

export type PolicyType = 'Ingress' | 'Egress';

/**
 * The directions a NetworkPolicy isolates, with the API server's defaulting: without `policyTypes`, Ingress always,
 * Egress only when the policy has egress rules.
 */
export function policyTypes(np: K8sObject): Set<PolicyType> {
  const spec = asRecord(np.value.spec);
  const declared = asArray(spec.policyTypes).filter((t): t is PolicyType => t === 'Ingress' || t === 'Egress');
  if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) return new Set(declared);
  const out = new Set<PolicyType>(['Ingress']);
  if (asArray(spec.egress).length > 0) out.add('Egress');
  return out;
}

/** True when the NetworkPolicy's podSelector selects the workload's pods (a missing podSelector selects all). */
export function policySelects(np: K8sObject, pods: PodLabelView): boolean {
  return pods.matchesSelector(asRecord(np.value.spec).podSelector);
}

const ANY_CIDRS: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

export interface OpenRule {
  /** Data path of the offending peer, or of the rule when it has no peer list at all. */
  path: DataPath;
  /** Index of the rule in spec.ingress / spec.egress. */
  rule: number;
  /** What the rule lets in or out, for messages. */
  peer: string;
  /** The ports the rule is limited to, for messages: 'all ports' or e.g. '80/TCP, 443/TCP'. */
  ports: string;
  /** Every port of the rule is DNS (53, or a port named dns/dns-tcp/dns-udp). */
  dnsOnly: boolean;
}

function describePorts(ports: unknown[]): string {
  if (ports.length === 0) return 'all ports';
  return ports
    .map((p) => {
      const r = asRecord(p);
      const port = r.port === undefined || r.port === null ? 'all' : String(r.port);
      const range = typeof r.endPort === 'number' ? `-${r.endPort}` : '';
      return `${port}${range}/${typeof r.protocol === 'string' ? r.protocol : 'TCP'}`;
    })
    .join(', ');
}

const DNS_PORT_NAMES: ReadonlySet<string> = new Set(['dns', 'dns-tcp', 'dns-udp']);

function isDnsPort(p: unknown): boolean {
  const r = asRecord(p);
  if (r.endPort !== undefined && r.endPort !== null && Number(r.endPort) !== 53) return false;
  if (typeof r.port === 'number') return r.port === 53;
  if (typeof r.port === 'string') return r.port === '53' || DNS_PORT_NAMES.has(r.port);
  return false;
}

/**
 * Rules of one direction that admit every peer: no `from`/`to` at all, an ipBlock of 0.0.0.0/0 or ::/0, or a
 * `namespaceSelector: {}` (with no or an empty podSelector), which is every pod of every namespace. Only rules of a
 * direction the policy isolates count: Kubernetes ignores the others.
 */
export function openRules(np: K8sObject, direction: 'ingress' | 'egress'): OpenRule[] {
  if (!policyTypes(np).has(direction === 'ingress' ? 'Ingress' : 'Egress')) return [];
  const spec = asRecord(np.value.spec);
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const out: OpenRule[] = [];
  asArray(spec[direction]).forEach((rule, i) => {
    const r = isRecord(rule) ? rule : {};
    const ports = asArray(r.ports);
    const base = { rule: i, ports: describePorts(ports), dnsOnly: ports.length > 0 && ports.every(isDnsPort) };
    const peers = asArray(r[peersKey]);
    if (peers.length === 0) {
      out.push({ ...base, path: ['spec', direction, i], peer: direction === 'ingress' ? 'any source' : 'any destination' });
      return;
    }
    for (let j = 0; j < peers.length; j++) {
      const peer = asRecord(peers[j]);
      const block = asRecord(peer.ipBlock);
      if (typeof block.cidr === 'string' && ANY_CIDRS.has(block.cidr.trim())) {
        out.push({ ...base, path: ['spec', direction, i, peersKey, j, 'ipBlock', 'cidr'], peer: `ipBlock ${block.cidr.trim()}` });
        return;
      }
      if (isEmptySelector(peer.namespaceSelector) && (peer.podSelector === undefined || peer.podSelector === null || isEmptySelector(peer.podSelector))) {
        out.push({ ...base, path: ['spec', direction, i, peersKey, j, 'namespaceSelector'], peer: 'every pod in every namespace' });
        return;
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Container ports

export interface DeclaredPort {
  name: string | undefined;
  port: number;
  protocol: string;
}

/**
 * Ports the pods of a workload declare: regular containers, plus sidecar init containers (restartPolicy: Always),
 * which keep running and can serve traffic.
 */
export function declaredPorts(obj: K8sObject): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  for (const c of containers(obj, ['initContainers', 'containers'])) {
    if (c.kind === 'initContainers' && c.container.restartPolicy !== 'Always') continue;
    for (const p of asArray(c.container.ports)) {
      if (!isRecord(p)) continue;
      const port = typeof p.containerPort === 'number' ? p.containerPort : Number(p.containerPort);
      if (!Number.isInteger(port)) continue;
      out.push({ name: typeof p.name === 'string' ? p.name : undefined, port, protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP' });
    }
  }
  return out;
}

/** True for pods on the host network: NetworkPolicy does not reliably apply to them. */
export function usesHostNetwork(obj: K8sObject): boolean {
  return podSpec(obj)?.spec.hostNetwork === true;
}
