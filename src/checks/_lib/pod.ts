import type { DataPath } from '../../core/location.js';
import { isRecord, type K8sObject } from '../../parsers/k8s-yaml/index.js';

/** Kinds that carry a pod template (kube-linter's idea: one helper walks every pod-bearing kind). */
export const POD_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob'] as const;
export const WORKLOAD_KINDS = POD_KINDS.filter((k) => k !== 'Pod');

export type Rec = Record<string, unknown>;

/** Where the pod spec lives in each kind. */
export function podSpecPath(obj: K8sObject): DataPath | undefined {
  switch (obj.kind) {
    case 'Pod':
      return ['spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'Job':
      return ['spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

/** Where the pod template's metadata lives (labels/annotations of the pods). For a Pod, its own metadata. */
export function podMetadataPath(obj: K8sObject): DataPath | undefined {
  const spec = podSpecPath(obj);
  if (!spec) return undefined;
  return [...spec.slice(0, -1), 'metadata'];
}

export function getAt(root: unknown, path: DataPath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isRecord(cur) && typeof seg === 'string') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

export interface PodSpecRef {
  spec: Rec;
  path: DataPath;
}

// Objects are immutable while checks run, and some sixty checks ask for the same pod spec and containers of every
// object: derive them once per object.
const podSpecCache = new WeakMap<K8sObject, PodSpecRef | null>();
const containersCache = new WeakMap<K8sObject, Map<string, readonly ContainerRef[]>>();

/** The pod spec of a pod-bearing object. A missing spec reads as `{}` located at its nearest parent. */
export function podSpec(obj: K8sObject): PodSpecRef | undefined {
  const cached = podSpecCache.get(obj);
  if (cached !== undefined) return cached ?? undefined;
  const path = podSpecPath(obj);
  let ref: PodSpecRef | null = null;
  if (path) {
    const spec = getAt(obj.value, path);
    ref = { spec: isRecord(spec) ? spec : {}, path };
  }
  podSpecCache.set(obj, ref);
  return ref ?? undefined;
}

export function podLabels(obj: K8sObject): Record<string, string> {
  const md = podMetadataPath(obj);
  const labels = md ? getAt(obj.value, [...md, 'labels']) : undefined;
  const out: Record<string, string> = {};
  if (isRecord(labels)) for (const [k, v] of Object.entries(labels)) out[k] = String(v);
  return out;
}

export type ContainerKind = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerRef {
  container: Rec;
  name: string;
  kind: ContainerKind;
  /** Data path of the container itself, e.g. ['spec','template','spec','containers',0]. */
  path: DataPath;
  pod: PodSpecRef;
}

const ALL_CONTAINER_KINDS: readonly ContainerKind[] = ['initContainers', 'containers', 'ephemeralContainers'];

/** Every container of a pod-bearing object, with its data path. `kinds` narrows which lists are walked. Shared: do not mutate. */
export function containers(obj: K8sObject, kinds: readonly ContainerKind[] = ALL_CONTAINER_KINDS): readonly ContainerRef[] {
  let byKinds = containersCache.get(obj);
  if (!byKinds) {
    byKinds = new Map();
    containersCache.set(obj, byKinds);
  }
  const key = kinds.join(',');
  let list = byKinds.get(key);
  if (!list) {
    list = collectContainers(obj, kinds);
    byKinds.set(key, list);
  }
  return list;
}

function collectContainers(obj: K8sObject, kinds: readonly ContainerKind[]): ContainerRef[] {
  const pod = podSpec(obj);
  if (!pod) return [];
  const out: ContainerRef[] = [];
  for (const kind of kinds) {
    const list = pod.spec[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (!isRecord(c)) return;
      out.push({ container: c, name: typeof c.name === 'string' ? c.name : `#${i}`, kind, path: [...pod.path, kind, i], pod });
    });
  }
  return out;
}

/** A container's effective security setting: the container's own value wins over the pod's securityContext. */
export function effective(ref: ContainerRef, field: string): { value: unknown; path: DataPath; from: 'container' | 'pod' | 'none' } {
  const csc = ref.container.securityContext;
  if (isRecord(csc) && csc[field] !== undefined && csc[field] !== null) {
    return { value: csc[field], path: [...ref.path, 'securityContext', field], from: 'container' };
  }
  const psc = ref.pod.spec.securityContext;
  if (isRecord(psc) && psc[field] !== undefined && psc[field] !== null) {
    return { value: psc[field], path: [...ref.pod.path, 'securityContext', field], from: 'pod' };
  }
  return { value: undefined, path: [...ref.path, 'securityContext', field], from: 'none' };
}

export function asRecord(v: unknown): Rec {
  return isRecord(v) ? v : {};
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** True when a label selector (matchLabels/matchExpressions or a plain map) selects the given labels. */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isRecord(selector)) return false;
  const hasStructured = 'matchLabels' in selector || 'matchExpressions' in selector;
  const matchLabels = hasStructured ? asRecord(selector.matchLabels) : selector;
  for (const [k, v] of Object.entries(matchLabels)) if (labels[k] !== String(v)) return false;
  for (const e of asArray(hasStructured ? selector.matchExpressions : undefined)) {
    if (!isRecord(e) || typeof e.key !== 'string') return false;
    const values = asArray(e.values).map(String);
    const has = e.key in labels;
    const val = labels[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(val!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(val!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
