/**
 * Image references as docker and the OCI distribution spec write them:
 * `[registry[:port]/]repository[:tag][@algorithm:digest]`. A first component with a `.` or a `:`, or `localhost`, is a
 * registry host; otherwise the image is on Docker Hub, whose one-component names live under `library/`.
 */

export interface ImageReference {
  /** Host as the user wrote it (`docker.io` for Docker Hub), with `:port` when given. */
  registry: string;
  /** The host the API is served from (`registry-1.docker.io` for Docker Hub). */
  apiHost: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export class ReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceError';
  }
}

const DOCKER_HUB = 'docker.io';
// distribution/reference grammar: path components of lower-case alphanumerics joined by '.', '_', '__' or '-'+.
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::[0-9]+)?$/;

/** Parses a reference (an optional `docker://` or `registry:` prefix is dropped); throws ReferenceError with the reason. */
export function parseImageReference(input: string): ImageReference {
  let s = input.trim().replace(/^(docker:\/\/|registry:)/, '');
  if (s === '') throw new ReferenceError('empty image reference');
  let digest: string | undefined;
  const at = s.indexOf('@');
  if (at >= 0) {
    digest = s.slice(at + 1);
    s = s.slice(0, at);
    if (!DIGEST.test(digest)) throw new ReferenceError(`invalid digest ${JSON.stringify(digest)} in ${JSON.stringify(input)} (expected sha256:<64 hex>)`);
    if (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest)) throw new ReferenceError(`invalid sha256 digest ${JSON.stringify(digest)} in ${JSON.stringify(input)}`);
  }
  let tag: string | undefined;
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) {
    tag = s.slice(colon + 1);
    s = s.slice(0, colon);
    if (!TAG.test(tag)) throw new ReferenceError(`invalid tag ${JSON.stringify(tag)} in ${JSON.stringify(input)}`);
  }
  let registry = DOCKER_HUB;
  const first = s.indexOf('/');
  if (first > 0) {
    const head = s.slice(0, first);
    if (head.includes('.') || head.includes(':') || head === 'localhost' || head.startsWith('[')) {
      if (!HOST.test(head)) throw new ReferenceError(`invalid registry host ${JSON.stringify(head)} in ${JSON.stringify(input)}`);
      registry = head;
      s = s.slice(first + 1);
    }
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !s.includes('/')) s = `library/${s}`;
  for (const c of s.split('/')) {
    if (!COMPONENT.test(c)) throw new ReferenceError(`invalid repository name ${JSON.stringify(s)} in ${JSON.stringify(input)} (lower-case letters, digits and . _ - separators)`);
  }
  if (s.length > 255) throw new ReferenceError(`repository name in ${JSON.stringify(input)} is longer than 255 characters`);
  const ref: ImageReference = { registry, apiHost: registry === DOCKER_HUB ? 'registry-1.docker.io' : registry, repository: s };
  if (tag === undefined && digest === undefined) tag = 'latest';
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** `registry/repository:tag@digest`, the canonical spelling (Docker Hub spelled `docker.io/library/…`). */
export function formatImageReference(r: ImageReference): string {
  return `${r.registry}/${r.repository}${r.tag !== undefined ? `:${r.tag}` : ''}${r.digest !== undefined ? `@${r.digest}` : ''}`;
}

/** True for hosts on this machine: plain HTTP is tried for them (as docker does), never for others unless asked. */
export function isLoopbackHost(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(1, registry.indexOf(']')) : registry.replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
