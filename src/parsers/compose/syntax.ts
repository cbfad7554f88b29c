/**
 * The short syntaxes of compose service fields (`"127.0.0.1:8080:80/tcp"`, `"./data:/data:ro"`), read the way
 * compose-go reads them. Pure helpers shared by the extends merge (its uniqueness keys) and the checks.
 */

export interface PortSpec {
  /** Host address the port is published on; '' when none is given (every interface). */
  hostIp: string;
  /** Host port or range as written ('' when compose picks a random host port). */
  published: string;
  /** Container port or range as written. */
  target: string;
  protocol: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/**
 * Reads one `ports` entry: a number (container port), the short syntax `[[IP:](port|range):](port|range)[/protocol]`
 * (IPv6 addresses bracketed or not: `[::1]:5432:5432`, `::1:5432:5432`), or the long syntax mapping. Undefined when
 * the entry cannot be read as a port (it is left to compose to reject).
 */
export function parsePort(entry: unknown): PortSpec | undefined {
  if (typeof entry === 'number') return Number.isInteger(entry) ? { hostIp: '', published: '', target: String(entry), protocol: 'tcp' } : undefined;
  if (isRecord(entry)) {
    const target = str(entry.target);
    if (target === '') return undefined;
    return { hostIp: str(entry.host_ip), published: str(entry.published), target, protocol: str(entry.protocol).toLowerCase() || 'tcp' };
  }
  if (typeof entry !== 'string') return undefined;
  let s = entry.trim();
  if (s === '') return undefined;
  let protocol = 'tcp';
  const slash = s.lastIndexOf('/');
  if (slash !== -1) {
    protocol = s.slice(slash + 1).toLowerCase() || 'tcp';
    s = s.slice(0, slash);
  }
  let hostIp = '';
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close === -1 || s[close + 1] !== ':') return undefined;
    hostIp = s.slice(1, close);
    s = s.slice(close + 2);
  }
  const parts = s.split(':');
  let published = '';
  let target: string;
  if (parts.length === 1) target = parts[0]!;
  else if (parts.length === 2) [published, target] = [parts[0]!, parts[1]!];
  else {
    if (hostIp !== '') return undefined;
    target = parts[parts.length - 1]!;
    published = parts[parts.length - 2]!;
    hostIp = parts.slice(0, -2).join(':');
  }
  if (!/^\d+(-\d+)?$/.test(target) || (published !== '' && !/^\d+(-\d+)?$/.test(published))) return undefined;
  return { hostIp, published, target, protocol };
}

/** The numbers of a port or range (`"8000-8002"` → 8000, 8001, 8002), capped so a hostile range costs nothing. */
export function portRange(spec: string): { from: number; to: number } | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > to || to > 65535) return undefined;
  return { from, to };
}

export interface VolumeSpec {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'image' | 'cluster' | string;
  /** Host path (bind), volume name (volume), or '' (anonymous volume, tmpfs). */
  source: string;
  target: string;
  readOnly: boolean;
}

/** A host path in the short syntax: absolute, relative (`./`, `../`, `.`), home (`~`) or a Windows drive path. */
function isHostPath(s: string): boolean {
  return s.startsWith('/') || s.startsWith('.') || s.startsWith('~') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('\\\\');
}

/**
 * Reads one `volumes` entry of a service: `[SOURCE:]TARGET[:MODE]` (a Windows drive letter in SOURCE is not a
 * separator) or the long syntax mapping.
 */
export function parseVolume(entry: unknown): VolumeSpec | undefined {
  if (isRecord(entry)) {
    const target = str(entry.target);
    const source = str(entry.source);
    const type = str(entry.type) || (source === '' ? 'volume' : isHostPath(source) ? 'bind' : 'volume');
    return { type, source, target, readOnly: entry.read_only === true || entry.read_only === 'true' };
  }
  if (typeof entry !== 'string') return undefined;
  const s = entry.trim();
  if (s === '') return undefined;
  // A drive letter (`C:\data`, `c:/data`) belongs to the path, not to the separator.
  const drive = /^[A-Za-z]:[\\/]/.test(s) ? 2 : 0;
  const parts = s.slice(drive).split(':');
  parts[0] = s.slice(0, drive) + parts[0]!;
  if (parts.length === 1) return { type: 'volume', source: '', target: parts[0]!, readOnly: false };
  const [source, target] = [parts[0]!, parts[1]!];
  const mode = parts.slice(2).join(':');
  const readOnly = mode.split(',').some((m) => m.trim() === 'ro');
  return { type: isHostPath(source) ? 'bind' : 'volume', source, target, readOnly };
}

/** Reads one `devices` entry: `HOST[:CONTAINER[:PERMISSIONS]]`, CDI names (`vendor.com/class=name`), or the long syntax. */
export function parseDevice(entry: unknown): { source: string; target: string; permissions: string } | undefined {
  if (isRecord(entry)) {
    const source = str(entry.source);
    if (source === '') return undefined;
    return { source, target: str(entry.target) || source, permissions: str(entry.permissions) || 'rwm' };
  }
  if (typeof entry !== 'string' || entry.trim() === '') return undefined;
  const parts = entry.trim().split(':');
  const source = parts[0]!;
  return { source, target: parts[1] || source, permissions: parts[2] || 'rwm' };
}

/** `KEY=VALUE` / `KEY` (list syntax of environment, labels, sysctls, build args): the key and the value (undefined without `=`). */
export function splitKeyValue(item: string): { key: string; value: string | undefined } {
  const eq = item.indexOf('=');
  return eq === -1 ? { key: item, value: undefined } : { key: item.slice(0, eq), value: item.slice(eq + 1) };
}
