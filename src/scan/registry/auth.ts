/** Registry credentials (options, `PALISADE_REGISTRY_*`, `~/.docker/config.json`) and `WWW-Authenticate` challenges. */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Credentials {
  username: string;
  password: string;
  /** Where they came from, for error messages (never the secret itself). */
  source: string;
}

export interface CredentialInputs {
  username?: string;
  password?: string;
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** A docker `config.json`; default `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
  dockerConfig?: string;
}

/** Keys docker writes Docker Hub credentials under. */
const HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io', 'https://registry-1.docker.io'];

function dockerConfigEntry(path: string, registry: string): { username: string; password: string } | { helper: string } | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined; // absent or unreadable: docker itself treats that as "no credentials"
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  const { auths, credHelpers, credsStore } = doc as { auths?: Record<string, { auth?: string; username?: string; password?: string }>; credHelpers?: Record<string, string>; credsStore?: string };
  const keys = registry === 'docker.io' ? HUB_KEYS : [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
  for (const k of keys) {
    const e = auths?.[k];
    if (!e) continue;
    if (typeof e.auth === 'string' && e.auth !== '') {
      const plain = Buffer.from(e.auth, 'base64').toString('utf8');
      const i = plain.indexOf(':');
      if (i > 0) return { username: plain.slice(0, i), password: plain.slice(i + 1) };
    }
    if (typeof e.username === 'string' && typeof e.password === 'string') return { username: e.username, password: e.password };
  }
  for (const k of keys) if (typeof credHelpers?.[k] === 'string') return { helper: credHelpers[k] };
  if (typeof credsStore === 'string' && credsStore !== '') return { helper: credsStore };
  return undefined;
}

/**
 * Credentials for `registry`, first found wins: explicit options, then `PALISADE_REGISTRY_USERNAME`/`_PASSWORD`, then the
 * docker config's `auths`. A docker credential helper is not run (it would execute an arbitrary binary); `note` says so.
 */
export function resolveCredentials(registry: string, inputs: CredentialInputs = {}): { credentials?: Credentials; note?: string } {
  if (inputs.username !== undefined && inputs.password !== undefined) return { credentials: { username: inputs.username, password: inputs.password, source: 'the given username and password' } };
  const env = inputs.env ?? process.env;
  const u = env.PALISADE_REGISTRY_USERNAME;
  const p = env.PALISADE_REGISTRY_PASSWORD;
  if (u !== undefined && u !== '' && p !== undefined) return { credentials: { username: u, password: p, source: 'PALISADE_REGISTRY_USERNAME/PALISADE_REGISTRY_PASSWORD' } };
  const path = inputs.dockerConfig ?? join(env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker'), 'config.json');
  const e = dockerConfigEntry(path, registry);
  if (e && 'helper' in e) return { note: `${path} names credential helper "docker-credential-${e.helper}" for ${registry}; Palisade does not run credential helpers — set PALISADE_REGISTRY_USERNAME and PALISADE_REGISTRY_PASSWORD instead` };
  if (e) return { credentials: { ...e, source: path } };
  return {};
}

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `WWW-Authenticate` (RFC 7235): `Bearer realm="…",service="…",scope="…"`; several challenges may be listed. */
export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(', ') : header;
  const out: Challenge[] = [];
  const re = /\s*([A-Za-z][\w-]*)(?:\s+|$)|\s*([\w-]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^,\s]*)\s*,?/gy;
  let cur: Challenge | undefined;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    if (m[1] !== undefined) {
      cur = { scheme: m[1].toLowerCase(), params: {} };
      out.push(cur);
    } else if (cur && m[2] !== undefined) {
      cur.params[m[2].toLowerCase()] = m[4] !== undefined ? m[4].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    }
    if (m[0] === '') break;
  }
  return out;
}
