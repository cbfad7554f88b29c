import type { DataPath } from '../../core/location.js';
import { isRecord, type K8sObject } from '../../parsers/k8s-yaml/index.js';
import type { ObjectIndex } from './object-index.js';
import { asArray, asRecord, podLabels, podSpec, selectorMatches, type ContainerRef, type Rec } from './pod.js';

/** A value Kubernetes would treat as "set": not absent, null or the empty string. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

// ---------------------------------------------------------------------------------------------------------------------
// Resources

export type ResourceSection = 'requests' | 'limits';

export interface ResourceCoverage {
  covered: boolean;
  /** Why the value is effectively set, for docs and tests: 'container', 'limit' (request defaults to limit), 'pod', 'limitrange'. */
  via?: 'container' | 'limit' | 'pod' | 'limitrange';
}

function get(section: unknown, name: string): unknown {
  return isRecord(section) ? section[name] : undefined;
}

/**
 * Whether a container ends up with `resources.<section>.<name>` once Kubernetes has applied its defaults:
 * - a request left unset defaults to the container's limit for that resource;
 * - pod-level `spec.resources` (PodLevelResources) bounds and accounts for every container;
 * - a LimitRange of type Container in the same namespace (when it is part of the scan) fills defaults at admission.
 */
export function resourceCoverage(ref: ContainerRef, section: ResourceSection, name: string, obj: K8sObject, index: ObjectIndex): ResourceCoverage {
  const res = asRecord(ref.container.resources);
  if (isSet(get(res[section], name))) return { covered: true, via: 'container' };
  if (section === 'requests' && isSet(get(res.limits, name))) return { covered: true, via: 'limit' };
  const podRes = asRecord(ref.pod.spec.resources);
  if (isSet(get(podRes[section], name)) || (section === 'requests' && isSet(get(podRes.limits, name)))) return { covered: true, via: 'pod' };
  if (limitRangeDefault(index, obj, section, name)) return { covered: true, via: 'limitrange' };
  return { covered: false };
}

/**
 * True when a LimitRange in the workload's namespace defaults `<section>.<name>` for containers. Mirrors the API
 * server's LimitRangeItem defaulting: default limit ← `default` ?? `max`; default request ← `defaultRequest` ?? default
 * limit ?? `min`. Without an explicit namespace, objects share one only when they are applied together, so a
 * namespace-less LimitRange counts for namespace-less workloads of the same file only (one stray LimitRange in a large
 * repository must not silence the checks for every other manifest).
 */
export function limitRangeDefault(index: ObjectIndex, obj: K8sObject, section: ResourceSection, name: string): boolean {
  const ranges = index.inNamespace(obj.namespace, 'LimitRange').filter((lr) => obj.namespace !== '' || lr.file === obj.file);
  for (const lr of ranges) {
    for (const item of asArray(asRecord(lr.value.spec).limits)) {
      if (!isRecord(item) || item.type !== 'Container') continue;
      const limit = isSet(get(item.default, name)) || isSet(get(item.max, name));
      if (section === 'limits' && limit) return true;
      if (section === 'requests' && (limit || isSet(get(item.defaultRequest, name)) || isSet(get(item.min, name)))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------------
// Replicas

/** Kinds whose replica count is set in `spec.replicas`. */
export const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'] as const;

/** `spec.replicas` when it is an explicit integer, else undefined (absent means 1, or an autoscaler owns it). */
export function explicitReplicas(obj: K8sObject): number | undefined {
  const r = asRecord(obj.value.spec).replicas;
  return typeof r === 'number' && Number.isInteger(r) ? r : undefined;
}

/** HorizontalPodAutoscalers of the scan (same namespace) whose scaleTargetRef names this object. */
export function autoscalersFor(obj: K8sObject, index: ObjectIndex): K8sObject[] {
  return index.inNamespace(obj.namespace, 'HorizontalPodAutoscaler').filter((h) => {
    const ref = asRecord(asRecord(h.value.spec).scaleTargetRef);
    return ref.kind === obj.kind && ref.name === obj.name;
  });
}

export interface ReplicaCount {
  /** Replicas in `spec.replicas`, or the autoscaler's maxReplicas (the most that can run at once). */
  count: number;
  /** Human wording for messages: "3" or "up to 10 (HorizontalPodAutoscaler web)". */
  label: string;
  via: 'spec' | 'hpa';
}

/**
 * How many pods a workload may run: explicit `spec.replicas`; when absent, the maxReplicas of an HPA in the scan
 * that targets it. Undefined when neither is known (Kubernetes then defaults to 1).
 */
export function replicaCount(obj: K8sObject, index: ObjectIndex): ReplicaCount | undefined {
  const explicit = explicitReplicas(obj);
  if (explicit !== undefined) return { count: explicit, label: String(explicit), via: 'spec' };
  for (const h of autoscalersFor(obj, index)) {
    const max = asRecord(h.value.spec).maxReplicas;
    if (typeof max === 'number' && Number.isInteger(max)) return { count: max, label: `up to ${max} (HorizontalPodAutoscaler ${h.name})`, via: 'hpa' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Int-or-percent values (PDB minAvailable/maxUnavailable, rolling update surge)

export type IntOrPercent = { kind: 'int'; value: number } | { kind: 'percent'; value: number };

/** Parses an IntOrString the way the API does: an integer, or a string "N%" (a bare "N" string is read as N too). */
export function parseIntOrPercent(v: unknown): IntOrPercent | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? { kind: 'int', value: v } : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  let m = /^(\d+)%$/.exec(s);
  if (m) return { kind: 'percent', value: Number(m[1]) };
  m = /^(\d+)$/.exec(s);
  if (m) return { kind: 'int', value: Number(m[1]) };
  return undefined;
}

/** The absolute value of an IntOrPercent for `total` pods, rounding percentages up as the disruption controller does. */
export function scaledValue(v: IntOrPercent, total: number): number {
  return v.kind === 'int' ? v.value : Math.ceil((v.value * total) / 100);
}

// ---------------------------------------------------------------------------------------------------------------------
// Workload shape

/**
 * Whether the pods of an object are meant to run until stopped (and so need liveness/readiness probes):
 * not Jobs/CronJobs, and not bare Pods that are not restarted (`restartPolicy: Never`/`OnFailure` marks a one-shot pod).
 */
export function isLongRunning(obj: K8sObject): boolean {
  if (obj.kind === 'Job' || obj.kind === 'CronJob') return false;
  const pod = podSpec(obj);
  if (!pod) return false;
  if (obj.kind === 'Pod') {
    const rp = pod.spec.restartPolicy;
    if (rp === 'Never' || rp === 'OnFailure') return false;
  }
  return true;
}

/** Objects (Deployment-like) in the scan whose pod template labels a selector selects, in the given namespace. */
export function workloadsSelectedBy(index: ObjectIndex, namespace: string, selector: unknown, kinds: readonly string[] = REPLICATED_KINDS): K8sObject[] {
  if (!isRecord(selector)) return [];
  return index.inNamespace(namespace, ...kinds).filter((w) => podSpec(w) !== undefined && selectorMatches(selector, podLabels(w)));
}

// ---------------------------------------------------------------------------------------------------------------------
// Ports and probes

export interface ContainerPort {
  port?: number;
  name?: string;
  index: number;
}

/** The `ports` a container declares. */
export function containerPorts(container: Rec): ContainerPort[] {
  const out: ContainerPort[] = [];
  asArray(container.ports).forEach((p, index) => {
    if (!isRecord(p)) return;
    const entry: ContainerPort = { index };
    if (typeof p.containerPort === 'number') entry.port = p.containerPort;
    if (typeof p.name === 'string' && p.name !== '') entry.name = p.name;
    out.push(entry);
  });
  return out;
}

export const PROBE_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeField = (typeof PROBE_FIELDS)[number];

export interface ProbePortRef {
  probe: ProbeField;
  handler: 'httpGet' | 'tcpSocket' | 'grpc';
  port: number | string;
  /** Data path of the `port` field, relative to the object. */
  path: DataPath;
}

/** The port each probe of a container targets (httpGet, tcpSocket or grpc handlers; exec probes have none). */
export function probePorts(ref: ContainerRef): ProbePortRef[] {
  const out: ProbePortRef[] = [];
  for (const probe of PROBE_FIELDS) {
    const p = ref.container[probe];
    if (!isRecord(p)) continue;
    for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
      const h = p[handler];
      if (!isRecord(h)) continue;
      const port = h.port;
      if (typeof port === 'number' || (typeof port === 'string' && port !== '')) {
        out.push({ probe, handler, port, path: [...ref.path, probe, handler, 'port'] });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Spreading

/**
 * Whether a pod (anti-)affinity term or a topology spread constraint counts the workload's own pods: its
 * labelSelector selects the pod template labels (or, without a selector, matchLabelKeys builds one from them), and its
 * `namespaces` list, when given, includes the object's namespace (an unset namespace is not held against it).
 */
export function termSelectsOwnPods(term: unknown, labels: Record<string, string>, namespace: string): boolean {
  if (!isRecord(term)) return false;
  const namespaces = asArray(term.namespaces).map(String);
  if (namespaces.length > 0 && namespace !== '' && !namespaces.includes(namespace)) return false;
  if (isRecord(term.labelSelector)) return selectorMatches(term.labelSelector, labels);
  return asArray(term.matchLabelKeys).length > 0;
}

/** Every pod anti-affinity term of a pod spec, required and preferred. */
export function podAntiAffinityTerms(spec: Rec): unknown[] {
  const anti = asRecord(asRecord(spec.affinity).podAntiAffinity);
  return [
    ...asArray(anti.requiredDuringSchedulingIgnoredDuringExecution),
    ...asArray(anti.preferredDuringSchedulingIgnoredDuringExecution).map((w) => asRecord(w).podAffinityTerm),
  ];
}
