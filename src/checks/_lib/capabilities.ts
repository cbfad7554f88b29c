import type { DataPath } from '../../core/location.js';
import { isRecord } from '../../parsers/k8s-yaml/index.js';
import { asArray, type ContainerRef, type PodSpecRef } from './pod.js';

/** Capabilities the Pod Security Standards baseline level allows in `capabilities.add` (roughly the runtime default set). */
export const PSS_BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** containerd's and Docker's default capability set: the baseline set plus NET_RAW (CRI-O 1.18+ no longer grants NET_RAW). */
export const RUNTIME_DEFAULT_CAPABILITIES: ReadonlySet<string> = new Set([...PSS_BASELINE_CAPABILITIES, 'NET_RAW']);

/**
 * A capability name as container runtimes read it: case-insensitive and with an optional `CAP_` prefix, so
 * `sys_admin`, `CAP_SYS_ADMIN` and `SYS_ADMIN` are the same. Anything but a non-empty string is undefined.
 */
export function normalizeCapability(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toUpperCase();
  if (s === '') return undefined;
  return s.startsWith('CAP_') ? s.slice(4) : s;
}

export interface CapabilityEntry {
  /** Normalized name (upper case, no `CAP_`). */
  name: string;
  /** As written in the manifest. */
  raw: string;
  index: number;
  path: DataPath;
}

/** `securityContext.capabilities` of a container (capabilities exist only on containers, never on the pod). */
export function capabilitiesPath(ref: ContainerRef): DataPath {
  return [...ref.path, 'securityContext', 'capabilities'];
}

/** The entries of `capabilities.add` or `capabilities.drop`, with their data paths. Non-string items are skipped. */
export function capabilityList(ref: ContainerRef, list: 'add' | 'drop'): CapabilityEntry[] {
  const sc = ref.container.securityContext;
  const caps = isRecord(sc) ? sc.capabilities : undefined;
  const items = isRecord(caps) ? asArray(caps[list]) : [];
  const out: CapabilityEntry[] = [];
  items.forEach((raw, index) => {
    const name = normalizeCapability(raw);
    if (name !== undefined && typeof raw === 'string') out.push({ name, raw, index, path: [...capabilitiesPath(ref), list, index] });
  });
  return out;
}

/** True when `capabilities.drop` contains `ALL` (any case). */
export function dropsAll(ref: ContainerRef): boolean {
  return capabilityList(ref, 'drop').some((e) => e.name === 'ALL');
}

/**
 * Whether the runtime ends up granting `cap`, following the order containerd and CRI-O apply: `add: [ALL]` first, then
 * `drop: [ALL]`, then individual adds, then individual drops. So `drop: [ALL], add: [NET_RAW]` grants NET_RAW, and
 * `add: [ALL], drop: [NET_RAW]` does not. `inDefault` says whether the runtime's default set holds `cap`.
 * Privileged mode (all capabilities regardless) is not considered here.
 */
export function grantsCapability(ref: ContainerRef, cap: string, inDefault: boolean): boolean {
  const add = capabilityList(ref, 'add').map((e) => e.name);
  const drop = capabilityList(ref, 'drop').map((e) => e.name);
  let granted = inDefault;
  if (add.includes('ALL')) granted = true;
  if (drop.includes('ALL')) granted = false;
  if (add.includes(cap)) granted = true;
  if (drop.includes(cap)) granted = false;
  return granted;
}

/**
 * A pod declared to run on Windows (`spec.os.name: windows`). Linux-only security settings (capabilities,
 * allowPrivilegeEscalation, readOnlyRootFilesystem, runAsUser/runAsGroup, …) cannot be set there and the Pod Security
 * Standards exempt them. (This belongs in pod.ts; it lives here until it moves.)
 */
export function isWindowsPod(pod: PodSpecRef): boolean {
  const os = pod.spec.os;
  return isRecord(os) && os.name === 'windows';
}
