import type { DataPath } from '../../core/location.js';
import { isRecord, type K8sObject } from '../../parsers/k8s-yaml/index.js';
import { containers, getAt, podMetadataPath, podSpec, type ContainerRef, type Rec } from './pod.js';

/** A volume of a pod spec, with the data path of the list item. */
export interface VolumeRef {
  volume: Rec;
  name: string;
  index: number;
  path: DataPath;
}

/** Every volume of a pod-bearing object's pod spec. */
export function volumes(obj: K8sObject): VolumeRef[] {
  const pod = podSpec(obj);
  if (!pod || !Array.isArray(pod.spec.volumes)) return [];
  const out: VolumeRef[] = [];
  pod.spec.volumes.forEach((v, i) => {
    if (!isRecord(v)) return;
    out.push({ volume: v, name: typeof v.name === 'string' ? v.name : `#${i}`, index: i, path: [...pod.path, 'volumes', i] });
  });
  return out;
}

export interface HostPathVolumeRef extends VolumeRef {
  /** `hostPath.path` as written ('' when missing). */
  hostPath: string;
  /** The path with `.`/`..`/duplicate and trailing slashes resolved; undefined when it is not an absolute POSIX path. */
  normalised: string | undefined;
  /** Data path of `volumes[i].hostPath`. */
  hostPathPath: DataPath;
}

/** Volumes with a `hostPath` source. A `hostPath: null` is no source at all (the API drops nulls). */
export function hostPathVolumes(obj: K8sObject): HostPathVolumeRef[] {
  const out: HostPathVolumeRef[] = [];
  for (const v of volumes(obj)) {
    const hp = v.volume.hostPath;
    if (hp === undefined || hp === null) continue;
    const raw = isRecord(hp) && typeof hp.path === 'string' ? hp.path : '';
    out.push({ ...v, hostPath: raw, normalised: normaliseHostPath(raw), hostPathPath: [...v.path, 'hostPath'] });
  }
  return out;
}

/**
 * Resolves `.`, `..`, repeated and trailing slashes of an absolute POSIX path: `/etc//kubernetes/` → `/etc/kubernetes`,
 * `/var/lib/../run/` → `/var/run`. Returns undefined for relative or empty paths (they name nothing on a Linux host).
 */
export function normaliseHostPath(raw: string): string | undefined {
  const p = raw.trim();
  if (!p.startsWith('/')) return undefined;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** True when `path` is `dir` or lies below it (both normalised). Every path lies below `/`. */
export function isWithin(path: string, dir: string): boolean {
  if (dir === '/') return true;
  return path === dir || path.startsWith(`${dir}/`);
}

/** A container's mount of a named volume. */
export interface MountRef {
  container: ContainerRef;
  mount: Rec;
  index: number;
  /** Data path of `volumeMounts[j]`. */
  path: DataPath;
}

/** Every mount of the named volume across init, app and ephemeral containers. */
export function mountsOf(obj: K8sObject, volumeName: string): MountRef[] {
  const out: MountRef[] = [];
  for (const c of containers(obj)) {
    const mounts = c.container.volumeMounts;
    if (!Array.isArray(mounts)) continue;
    mounts.forEach((m, j) => {
      if (isRecord(m) && m.name === volumeName) out.push({ container: c, mount: m, index: j, path: [...c.path, 'volumeMounts', j] });
    });
  }
  return out;
}

/** A `ports[k]` entry of a container. */
export interface PortRef {
  container: ContainerRef;
  port: Rec;
  index: number;
  /** Data path of `ports[k]`. */
  path: DataPath;
}

export function containerPorts(obj: K8sObject): PortRef[] {
  const out: PortRef[] = [];
  for (const c of containers(obj)) {
    const ports = c.container.ports;
    if (!Array.isArray(ports)) continue;
    ports.forEach((p, k) => {
      if (isRecord(p)) out.push({ container: c, port: p, index: k, path: [...c.path, 'ports', k] });
    });
  }
  return out;
}

/** Port numbers as Kubernetes reads them: integers only (a quoted "22" is rejected by the API server). */
export function portNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** The pod's annotations (the pod template's for workloads) and where they live. */
export function podAnnotations(obj: K8sObject): { annotations: Record<string, unknown>; path: DataPath } {
  const md = podMetadataPath(obj) ?? ['metadata'];
  const path = [...md, 'annotations'];
  const a = getAt(obj.value, path);
  return { annotations: isRecord(a) ? a : {}, path };
}

/** The pod-level securityContext as a record ({} when missing), and its data path. */
export function podSecurityContext(obj: K8sObject): { sc: Rec; path: DataPath } | undefined {
  const pod = podSpec(obj);
  if (!pod) return undefined;
  const sc = pod.spec.securityContext;
  return { sc: isRecord(sc) ? sc : {}, path: [...pod.path, 'securityContext'] };
}

/** True when the pod declares itself a Windows pod (`spec.os.name: windows`); PSS exempts those from Linux-only controls. */
export function isWindowsPod(obj: K8sObject): boolean {
  const pod = podSpec(obj);
  return !!pod && isRecord(pod.spec.os) && pod.spec.os.name === 'windows';
}

/** Legacy (pre-1.19, ignored since 1.27) seccomp annotations on the pod (template) metadata. */
export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

export interface SeccompSetting {
  /**
   * `RuntimeDefault`, `Localhost`, `Unconfined`, another string as written (invalid), or undefined when nothing is set.
   * Annotation values are mapped onto the field values: `runtime/default` and `docker/default` → RuntimeDefault,
   * `localhost/<profile>` → Localhost, `unconfined` → Unconfined.
   */
  type: string | undefined;
  /** Where the setting was read, or where a container-level one belongs when nothing is set. */
  path: DataPath;
  from: 'container' | 'container-annotation' | 'pod' | 'pod-annotation' | 'none';
}

export function seccompFromAnnotation(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v === 'runtime/default' || v === 'docker/default') return 'RuntimeDefault';
  if (v.startsWith('localhost/')) return 'Localhost';
  if (v === 'unconfined') return 'Unconfined';
  return v;
}

function seccompField(sc: unknown): string | undefined {
  if (!isRecord(sc) || !isRecord(sc.seccompProfile)) return undefined;
  const t = sc.seccompProfile.type;
  return typeof t === 'string' ? t : undefined;
}

/** The pod-level seccomp profile: the securityContext field, else the legacy pod annotation. */
export function podSeccomp(obj: K8sObject): SeccompSetting | undefined {
  const psc = podSecurityContext(obj);
  if (!psc) return undefined;
  const field = seccompField(psc.sc);
  if (field !== undefined) return { type: field, path: [...psc.path, 'seccompProfile', 'type'], from: 'pod' };
  const ann = podAnnotations(obj);
  const a = seccompFromAnnotation(ann.annotations[SECCOMP_POD_ANNOTATION]);
  if (a !== undefined) return { type: a, path: [...ann.path, SECCOMP_POD_ANNOTATION], from: 'pod-annotation' };
  return { type: undefined, path: [...psc.path, 'seccompProfile'], from: 'none' };
}

/**
 * The seccomp profile a container runs with, in the kubelet's order of precedence: the container's securityContext
 * field, the legacy container annotation, the pod's securityContext field, the legacy pod annotation.
 */
export function effectiveSeccomp(obj: K8sObject, c: ContainerRef): SeccompSetting {
  const field = seccompField(c.container.securityContext);
  if (field !== undefined) return { type: field, path: [...c.path, 'securityContext', 'seccompProfile', 'type'], from: 'container' };
  const ann = podAnnotations(obj);
  const key = `${SECCOMP_CONTAINER_ANNOTATION_PREFIX}${c.name}`;
  const a = seccompFromAnnotation(ann.annotations[key]);
  if (a !== undefined) return { type: a, path: [...ann.path, key], from: 'container-annotation' };
  const pod = podSeccomp(obj);
  if (pod && pod.from !== 'none') return pod;
  return { type: undefined, path: [...c.path, 'securityContext', 'seccompProfile'], from: 'none' };
}

/** Socket file names of Docker, containerd (also k3s/RKE2), CRI-O, cri-dockerd, dockershim and Podman. */
export const RUNTIME_SOCKET_NAME = /^(docker|containerd|crio|cri-dockerd|dockershim|podman)\.sock$/;

/** Runtime state directories that hold the sockets (containerd keeps containerd.sock and its ttrpc socket there). */
export const RUNTIME_SOCKET_DIRS = [
  '/run/docker',
  '/var/run/docker',
  '/run/containerd',
  '/var/run/containerd',
  '/run/crio',
  '/var/run/crio',
  '/run/k3s/containerd',
  '/var/run/k3s/containerd',
  '/run/podman',
  '/var/run/podman',
] as const;

/** Directories whose mount exposes the sockets directly underneath (`/var/run/docker.sock`) or anywhere (`/`). */
export const RUNTIME_SOCKET_PARENTS = ['/', '/run', '/var/run'] as const;
