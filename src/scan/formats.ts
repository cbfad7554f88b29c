/**
 * Which configuration format a file is, by name. YAML that is not named like a compose file is still sniffed for a
 * top-level `services:` mapping (see `looksLikeCompose`), because projects name compose files freely.
 */
export type FileFormat = 'dockerfile' | 'compose' | 'terraform' | 'tfvars';

const DOCKERFILE = /^(Dockerfile|Containerfile)([.-][\w.-]+)?$|\.(dockerfile|containerfile)$/i;
/** `Dockerfile.md`, `Dockerfile.dockerignore`, … are documentation or other tools' files, not Dockerfiles. */
const NOT_DOCKERFILE = /\.(md|txt|rst|ya?ml|json|sh|bak|orig|swp|dockerignore|lock)$/i;
const COMPOSE = /^(docker-compose|compose)([.-][\w.-]+)?\.ya?ml$/i;

export function formatOf(fileName: string): FileFormat | undefined {
  if (COMPOSE.test(fileName)) return 'compose';
  if (/\.tf(\.json)?$/i.test(fileName)) return 'terraform';
  if (/\.tfvars(\.json)?$/i.test(fileName)) return 'tfvars';
  if (DOCKERFILE.test(fileName) && !NOT_DOCKERFILE.test(fileName)) return 'dockerfile';
  return undefined;
}

/** A plain YAML value shaped like a compose file: a `services` mapping of mappings, and not a Kubernetes object. */
export function looksLikeCompose(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if ('apiVersion' in v || 'kind' in v) return false;
  const services = v.services;
  if (typeof services !== 'object' || services === null || Array.isArray(services)) return false;
  const entries = Object.values(services);
  return entries.length > 0 && entries.every((s) => s === null || (typeof s === 'object' && !Array.isArray(s)));
}
