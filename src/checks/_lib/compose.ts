/**
 * What the compose checks share: reading a service's fields in both of compose's syntaxes (short strings and long
 * mappings, lists and maps), with the data path of each entry, and the Kubernetes check library's knowledge of the
 * same concepts (capabilities, host paths, runtime sockets, credentials, images).
 */

import type { ConfigObject, FindingFix } from '../../core/config-object.js';
import type { DataPath } from '../../core/location.js';
import {
  COMPOSE_PROJECT,
  inheritedThroughExtends,
  interpolateString,
  parseDevice,
  parsePort,
  parseVolume,
  portRange,
  scalarOriginAt,
  splitKeyValue,
  type PortSpec,
  type ScalarOrigin,
  type VolumeSpec,
} from '../../parsers/compose/index.js';
import { isRecord } from '../../parsers/k8s-yaml/index.js';
import type { ObjectIndex } from './object-index.js';
import { normaliseHostPath } from './host.js';
import { parseImage, type ImageRef } from './image.js';
import { describeInline, findInlineCredentials, isPlaceholderValue, looksLikeCredentialName } from './credentials.js';

export { normalizeCapability, RUNTIME_DEFAULT_CAPABILITIES } from './capabilities.js';
export { isWithin, normaliseHostPath } from './host.js';
export { SENSITIVE_HOST_DIRS } from '../k8s/sensitive-host-mount/check.js';
export { canonicalSysctl, SAFE_SYSCTLS } from '../k8s/unsafe-sysctls/check.js';
export { portRange, type PortSpec, type VolumeSpec };

/**
 * A fix for a field of the service's own lines, or undefined when the field (or part of it) is inherited through
 * `extends`: a patch of the merged service would have nowhere to go in the file.
 */
export function localFix(obj: ConfigObject, path: DataPath, fix: FindingFix | undefined): FindingFix | undefined {
  return fix && !inheritedThroughExtends(obj, path) ? fix : undefined;
}

/** The compose service objects checks run on. */
export const SERVICE_KINDS = ['ComposeService'] as const;

/**
 * A boolean field as compose reads it: `true`, or a string compose casts to true (`"true"`, `"yes"`, `"on"`, `"y"`,
 * any case) — quoted booleans and interpolated ones end up as strings.
 */
export function isTrue(v: unknown): boolean {
  if (v === true) return true;
  return typeof v === 'string' && /^(?:true|yes|on|y)$/i.test(v.trim());
}

/** Where the value at `path` of a service came from, when `${…}` interpolation produced it. */
export function interpolated(obj: ConfigObject, path: DataPath): ScalarOrigin | undefined {
  return scalarOriginAt(obj.value, path);
}

/** A string (or number) field, trimmed; undefined when missing or of another type. */
export function stringField(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

export interface ListItem {
  value: unknown;
  index: number;
  path: DataPath;
}

/** The entries of a list field (`cap_add`, `security_opt`, `devices`, …) with their paths; a lone string counts as one entry. */
export function listField(obj: ConfigObject, field: string): ListItem[] {
  const v = obj.value[field];
  if (Array.isArray(v)) return v.map((value, index) => ({ value, index, path: [field, index] }));
  if (typeof v === 'string') return [{ value: v, index: 0, path: [field] }];
  return [];
}

export interface KeyValueEntry {
  key: string;
  /** The value as a string; undefined for a bare `KEY` (list) or a null value (map): compose takes those from the shell. */
  value: string | undefined;
  /** Data path of the entry: `environment.KEY` (map) or `environment[i]` (list). */
  path: DataPath;
}

/** A `KEY=VALUE` list or a mapping (`environment`, `labels`, `sysctls`, `build.args`), at `path` from the service. */
export function keyValues(obj: ConfigObject, path: DataPath): KeyValueEntry[] {
  let v: unknown = obj.value;
  for (const seg of path) v = isRecord(v) ? v[String(seg)] : undefined;
  const out: KeyValueEntry[] = [];
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      if (typeof item !== 'string') return;
      const kv = splitKeyValue(item);
      out.push({ key: kv.key.trim(), value: kv.value, path: [...path, i] });
    });
  } else if (isRecord(v)) {
    for (const [key, val] of Object.entries(v)) {
      out.push({ key, value: val === null || val === undefined ? undefined : typeof val === 'object' ? JSON.stringify(val) : String(val), path: [...path, key] });
    }
  }
  return out;
}

/**
 * The value of a key/value entry as the compose file wrote it, before interpolation: for `KEY=${VAR}` list items the
 * part after `=`. Undefined when the value was not interpolated (then the value itself is what the file says).
 */
export function writtenValue(obj: ConfigObject, e: KeyValueEntry): string | undefined {
  const o = interpolated(obj, e.path);
  if (!o) return undefined;
  return typeof e.path[e.path.length - 1] === 'number' ? (splitKeyValue(o.raw).value ?? '') : o.raw;
}

export interface PortEntry {
  spec: PortSpec;
  index: number;
  path: DataPath;
  /** Published on every host interface: no host address, `0.0.0.0` or `::` (a port without a host side gets a random host port on every interface). */
  allInterfaces: boolean;
}

const ANY_ADDRESS = new Set(['', '0.0.0.0', '::', '[::]', '*']);

export function ports(obj: ConfigObject): PortEntry[] {
  const out: PortEntry[] = [];
  for (const item of listField(obj, 'ports')) {
    const spec = parsePort(item.value);
    if (spec) out.push({ spec, index: item.index, path: item.path, allInterfaces: ANY_ADDRESS.has(spec.hostIp) });
  }
  return out;
}

/** True when the range (`"5432"`, `"5000-5010"`) holds `port`. */
export function rangeHas(spec: string, port: number): boolean {
  const r = portRange(spec);
  return r !== undefined && port >= r.from && port <= r.to;
}

export interface MountEntry {
  spec: VolumeSpec;
  index: number;
  /** Data path of the `volumes[i]` entry (short syntax) or of its `source` (long syntax). */
  path: DataPath;
  /** The host directory or file the mount exposes, normalised; undefined when it is not an absolute host path. */
  hostPath: string | undefined;
  /** The host path as written (the bind source, or the `device` of a named volume bound to the host). */
  hostPathRaw: string;
  /** Set when the host path comes from a named volume's `driver_opts` (`o: bind`, `device: /path`). */
  viaVolume?: string;
  /** A `~/…` source: a directory of the user running compose. */
  homePath?: string;
}

/** The ComposeProject of the file a service comes from (top-level `volumes`, `networks`, `secrets`). */
export function projectOf(obj: ConfigObject, index: ObjectIndex): ConfigObject | undefined {
  const byFile = index.memo('compose:projects', () => {
    const m = new Map<string, ConfigObject>();
    for (const p of index.ofKind(COMPOSE_PROJECT)) m.set(`${p.file}\u0000${p.docIndex}`, p);
    return m;
  });
  return byFile.get(`${obj.file}\u0000${obj.docIndex}`);
}

/**
 * The host path behind a named volume: the `local` driver with `driver_opts: { type: none, o: bind, device: /path }`
 * bind-mounts a host directory exactly like a bind mount, which hides it from a look at the service alone.
 */
function namedVolumeDevice(project: ConfigObject | undefined, name: string): string | undefined {
  const vols = project?.value.volumes;
  const v = isRecord(vols) ? vols[name] : undefined;
  if (!isRecord(v) || (v.driver !== undefined && v.driver !== null && v.driver !== 'local')) return undefined;
  const opts = v.driver_opts;
  if (!isRecord(opts) || typeof opts.device !== 'string') return undefined;
  const o = typeof opts.o === 'string' ? opts.o.split(',').map((s) => s.trim()) : [];
  return o.includes('bind') || o.includes('rbind') ? opts.device : undefined;
}

/**
 * A bind source written from the home directory (`~/.aws`, `${HOME}/.aws`, `$HOME/.aws`), as `~/…`, whatever HOME is
 * (or is not) set to where the scan runs.
 */
function homeRelative(obj: ConfigObject, path: DataPath): string | undefined {
  const home = (raw: string): string => raw.replace(/^\$(?:\{(?:HOME|USERPROFILE)(?:[:?+-][^}]*)?\}|HOME\b)/, '~');
  const long = interpolated(obj, [...path, 'source']);
  if (long) return home(long.raw);
  const short = interpolated(obj, path);
  return short ? parseVolume(home(short.raw))?.source : undefined;
}

/** The service's `volumes`, with the host path each one exposes (bind mounts, and named volumes bound to a host path). */
export function mounts(obj: ConfigObject, index: ObjectIndex): MountEntry[] {
  const out: MountEntry[] = [];
  for (const item of listField(obj, 'volumes')) {
    const spec = parseVolume(item.value);
    if (!spec) continue;
    const path = isRecord(item.value) && 'source' in item.value ? [...item.path, 'source'] : item.path;
    const entry: MountEntry = { spec, index: item.index, path, hostPath: undefined, hostPathRaw: '' };
    if (spec.type === 'bind') {
      entry.hostPathRaw = spec.source;
      entry.hostPath = normaliseHostPath(spec.source);
      const home = homeRelative(obj, item.path) ?? spec.source;
      if (home === '~' || home.startsWith('~/')) entry.homePath = home;
    } else if (spec.type === 'volume' && spec.source !== '') {
      const device = namedVolumeDevice(projectOf(obj, index), spec.source);
      if (device !== undefined) {
        entry.hostPathRaw = device;
        entry.hostPath = normaliseHostPath(device);
        entry.viaVolume = spec.source;
      }
    }
    out.push(entry);
  }
  return out;
}

export interface DeviceEntry {
  source: string;
  target: string;
  permissions: string;
  index: number;
  path: DataPath;
}

export function devices(obj: ConfigObject): DeviceEntry[] {
  const out: DeviceEntry[] = [];
  for (const item of listField(obj, 'devices')) {
    const d = parseDevice(item.value);
    if (d) out.push({ ...d, index: item.index, path: isRecord(item.value) ? [...item.path, 'source'] : item.path });
  }
  return out;
}

export interface SecurityOpt {
  /** `seccomp`, `apparmor`, `label`, `no-new-privileges`, `systempaths`, … (lower case). */
  key: string;
  /** What follows the first `:` or `=`; '' when nothing does (`no-new-privileges`). */
  value: string;
  raw: string;
  index: number;
  path: DataPath;
}

/** `security_opt` entries; Docker accepts both `key:value` and `key=value`. */
export function securityOpts(obj: ConfigObject): SecurityOpt[] {
  const out: SecurityOpt[] = [];
  for (const item of listField(obj, 'security_opt')) {
    if (typeof item.value !== 'string') continue;
    const raw = item.value.trim();
    const sep = raw.search(/[:=]/);
    out.push({ key: (sep === -1 ? raw : raw.slice(0, sep)).toLowerCase(), value: sep === -1 ? '' : raw.slice(sep + 1).trim(), raw, index: item.index, path: item.path });
  }
  return out;
}

/**
 * The image a service pulls, for the image checks. Services with a `build` section are skipped: their `image` names
 * the image compose builds and tags locally, not one pulled from a registry. When a variable in the reference was
 * unset, the reference is read as written (`app:${TAG}`), so the part the variable hides counts as unknown.
 */
export function pulledImage(obj: ConfigObject): { ref: ImageRef; path: DataPath } | undefined {
  const v = obj.value;
  if (v.build !== undefined && v.build !== null) return undefined;
  const origin = interpolated(obj, ['image']);
  const ref = parseImage(origin && origin.unset.length > 0 ? origin.raw : v.image);
  return ref ? { ref, path: ['image'] } : undefined;
}

/** The runtime socket lists are the Kubernetes check's (PAL-K8S-0007): one list for every format. */
export { RUNTIME_SOCKET_DIRS, RUNTIME_SOCKET_NAME, RUNTIME_SOCKET_PARENTS } from './host.js';

export interface CredentialHit {
  path: DataPath;
  name: string;
  /** `named`: a credential-like name with a literal value; `inline`: a value holding a key, URL password or `password=…`; `default`: the literal default of `${VAR:-…}`. */
  kind: 'named' | 'inline' | 'default';
  /** For `inline` (and `default` under a neutral name): what was found, never the value. */
  what: string;
}

/**
 * Literal credentials in a key/value field (`environment`, `build.args`), with PAL-K8S-0063's heuristics. A value that
 * came from `${VAR}` is a reference and passes, unless the file itself spells a default (`${DB_PASSWORD:-hunter2}`):
 * that default is in the file, so it is judged like a literal.
 */
export function literalCredentials(obj: ConfigObject, path: DataPath): CredentialHit[] {
  const out: CredentialHit[] = [];
  for (const e of keyValues(obj, path)) {
    if (e.value === undefined || e.key === '') continue;
    const written = writtenValue(obj, e);
    let value = e.value;
    let kind: 'named' | 'default' = 'named';
    if (written !== undefined) {
      // A reference passes; a default the file spells out (`${VAR:-value}`, `${VAR-value}`) is judged with every
      // variable unset, which leaves exactly the text written in the file.
      if (!/\$\{[A-Za-z_][A-Za-z0-9_]*:?-/.test(written)) continue;
      value = interpolateString(written, {}).value;
      kind = 'default';
    }
    // `MYSQL_RANDOM_ROOT_PASSWORD: 1`, `…_PASSWORD_ENABLED: 0`: a switch, not a secret.
    if (isPlaceholderValue(value) || /^[01]$/.test(value.trim())) continue;
    if (looksLikeCredentialName(e.key)) {
      out.push({ path: e.path, name: e.key, kind, what: kind === 'default' ? 'a literal default value' : 'a literal value' });
      continue;
    }
    const found = findInlineCredentials(value);
    if (found.length > 0) out.push({ path: e.path, name: e.key, kind: kind === 'default' ? 'default' : 'inline', what: describeInline(found) });
  }
  return out;
}
