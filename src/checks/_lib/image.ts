/**
 * Container image references (`[registry[:port]/]repository[:tag][@digest]`), read the way Docker and the kubelet read them:
 * no registry means Docker Hub, a first path component is a registry only when it looks like a host (has a `.` or a `:`,
 * or is `localhost`), and a one-component Docker Hub name lives under `library/`.
 *
 * Manifests scanned before rendering carry placeholders (`${TAG}`, `$(IMAGE)`, `{{ .Values.image.tag }}`). A component
 * that a placeholder touches is reported as unknown instead of guessed, so checks can stay silent about it.
 */

export const DOCKER_HUB = 'docker.io';

/** Host names that all mean Docker Hub. */
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

const PLACEHOLDER = /\$\{[^}]*\}|\$\([^)]*\)|\{\{[\s\S]*?\}\}/g;
const TOKEN = '\u0001';

export interface ImageRef {
  /** The reference as written (trimmed). */
  raw: string;
  /** Registry host, lower case, with its port if any; `docker.io` when the reference names none. */
  registry: string;
  /** True when the reference spells its registry out. */
  registryExplicit: boolean;
  /** Repository path inside the registry; Docker Hub official images get `library/` (`nginx` → `library/nginx`). */
  repository: string;
  tag: string | undefined;
  /** `algorithm:hex` after the `@`. */
  digest: string | undefined;
  /** Which components a placeholder hides; their values above are then only what the text shows. */
  unknown: { registry: boolean; repository: boolean; tag: boolean; digest: boolean };
  /** True when the reference contains any unrendered placeholder. */
  templated: boolean;
}

export function normalizeRegistry(host: string): string {
  const h = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(h) ? DOCKER_HUB : h;
}

function looksLikeHost(component: string): boolean {
  // Docker's rule (distribution/reference): a dot, a port or `localhost`; an upper-case letter also rules out a repository.
  return component.includes('.') || component.includes(':') || component === 'localhost' || component !== component.toLowerCase();
}

/** Parses an image reference. Returns undefined for anything that is not a non-empty string. */
export function parseImage(value: unknown): ImageRef | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.trim();
  if (raw === '') return undefined;
  // `ko://<go import path>` is replaced by the ko build tool with a digest-pinned image: not a reference to judge yet.
  if (raw.startsWith('ko://')) return undefined;

  // Swap placeholders for tokens free of `/`, `:` and `@`, so they cannot confuse the split below.
  const originals: string[] = [];
  const s = raw.replace(PLACEHOLDER, (m) => {
    originals.push(m);
    return `${TOKEN}${originals.length - 1}${TOKEN}`;
  });
  const restore = (t: string): string => t.replace(new RegExp(`${TOKEN}(\\d+)${TOKEN}`, 'g'), (_m, i: string) => originals[Number(i)] ?? '');
  const has = (t: string | undefined): boolean => t !== undefined && t.includes(TOKEN);

  let name = s;
  let digest: string | undefined;
  const at = name.indexOf('@');
  if (at !== -1) {
    digest = name.slice(at + 1);
    name = name.slice(0, at);
  }
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }

  let registry = DOCKER_HUB;
  let registryExplicit = false;
  let repository = name;
  const slash = name.indexOf('/');
  const first = slash === -1 ? name : name.slice(0, slash);
  if (slash !== -1 && looksLikeHost(first)) {
    registry = normalizeRegistry(first);
    registryExplicit = true;
    repository = name.slice(slash + 1);
  }
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;

  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  // A placeholder at the end of the name may expand to a tag or digest of its own (`${IMAGE}`, `app:${TAG}`).
  const openEnd = tag === undefined ? has(lastSegment) : has(tag);
  const unknown = {
    registry: has(first),
    repository: has(name),
    tag: has(tag) || (tag === undefined && digest === undefined && has(lastSegment)),
    digest: has(digest) || (digest === undefined && openEnd),
  };

  return {
    raw,
    registry: restore(registry),
    registryExplicit,
    repository: restore(repository),
    tag: tag === undefined ? undefined : restore(tag),
    digest: digest === undefined ? undefined : restore(digest),
    unknown,
    templated: originals.length > 0,
  };
}

/** `registry/repository`, e.g. `docker.io/library/nginx`. */
export function fullName(img: ImageRef): string {
  return `${img.registry}/${img.repository}`;
}

function globToRegex(glob: string, segment: string): string {
  return glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? segment : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

/**
 * Whether an image comes from an allowed location. A pattern is a registry host (`ghcr.io`, `localhost:5000`,
 * `*.dkr.ecr.eu-west-1.amazonaws.com`) or a host plus repository prefix (`ghcr.io/acme/`, `docker.io/library`), matched on
 * whole path segments: `ghcr.io/acme` allows `ghcr.io/acme/api` but not `ghcr.io/acme-evil/api`. `*` matches within one
 * segment, `**` across segments. Docker Hub aliases are folded into `docker.io`, and a one-segment Docker Hub pattern such as
 * `docker.io/nginx` also allows the official image `library/nginx`.
 * Returns undefined when a placeholder hides the part of the image the pattern needs (`${REGISTRY}/app`, `ghcr.io/${ORG}/app`).
 */
export function imageMatchesPattern(img: ImageRef, pattern: string): boolean | undefined {
  let p = pattern.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  if (p === '') return false;
  const slash = p.indexOf('/');
  const hostPattern = slash === -1 ? p : p.slice(0, slash);
  p = slash === -1 ? '' : p.slice(slash + 1).replace(/\/+$/, '');
  if (img.unknown.registry) return undefined;
  const host = hostPattern.includes('*') ? hostPattern : normalizeRegistry(hostPattern);
  if (!new RegExp(`^${globToRegex(host, '[^/]*')}$`).test(img.registry)) return false;
  if (p === '' || p === '**') return true;
  if (img.unknown.repository) return undefined;
  const repo = img.repository.toLowerCase();
  const prefix = new RegExp(`^${globToRegex(p, '[^/]*')}(/.*)?$`);
  if (prefix.test(repo)) return true;
  return img.registry === DOCKER_HUB && !p.includes('/') && !p.includes('*') && repo === `library/${p}`;
}
