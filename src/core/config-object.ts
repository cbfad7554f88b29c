import type { DataPath, Location } from './location.js';

/** The configuration formats the check library reads. A check declares one; an object carries one. */
export const CHECK_TARGETS = ['kubernetes', 'dockerfile', 'compose', 'terraform'] as const;
export type CheckTarget = (typeof CHECK_TARGETS)[number];

/** What callers use of a source map: data path → location, falling back to the nearest existing parent. */
export interface SourceLocator {
  /** Returns the location and how many segments of `path` exist in the document. */
  resolve(path: DataPath): { location: Location; matched: number };
  locate(path: DataPath): Location;
}

/**
 * One thing a check looks at, whatever the format: a Kubernetes object, a Dockerfile, a compose service,
 * a Terraform resource instance. Parsers produce these; checks read `value` and report data paths into it;
 * `source` turns those paths into file, line and column.
 */
export interface ConfigObject {
  target: CheckTarget;
  /** Kubernetes apiVersion; '' for other targets (Terraform: the provider, e.g. `aws`). */
  apiVersion: string;
  /** Kubernetes kind; `Dockerfile`; `ComposeService` / `ComposeProject`; the Terraform resource type (`aws_s3_bucket`). */
  kind: string;
  /** Object name; '' for a Dockerfile; the compose service name; the Terraform address (`module.net.aws_vpc.main[0]`). */
  name: string;
  /** '' when the format has no namespaces or the manifest sets none. */
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The whole object as plain data. */
  value: Record<string, unknown>;
  file: string;
  /** Index of the document in the file (YAML documents); 0 for single-document formats. */
  docIndex: number;
  /** Path of this object inside its document: [] normally, ['items', i] inside a `kind: List`, ['services', name] in compose. */
  basePath: DataPath;
  source: SourceLocator;
  /** Source text of the document holding this object (comment-based suppressions live there). */
  docText(): string;
  /**
   * The stable form of a data path for fingerprints, when array indexes in the path move with unrelated edits
   * (a Dockerfile instruction's index shifts when a line is inserted above it). Absent: the formatted data path is used.
   */
  stableKey?(path: DataPath): string;
  /** Set when this object was derived from another format (a Terraform `kubernetes_deployment` run by the Kubernetes checks). */
  derivedFrom?: { target: CheckTarget; kind: string; name: string };
  /** Suppressions written as comments in the file, collected by the parser (Dockerfile, compose, Terraform). */
  inlineSuppressions?: InlineSuppression[];
}

/**
 * A comment that silences findings: `# palisade:ignore=PAL-DOCKER-0002,no-root-user reason` (Palisade IDs, slugs or
 * aliases), or a peer's own — `# hadolint ignore=DL3008`, `#trivy:ignore:AVD-DS-0002`, `#checkov:skip=CKV_AWS_18:reason` —
 * which silences the Palisade checks mapped to that peer rule.
 */
export interface InlineSuppression {
  by: 'palisade-comment' | 'hadolint-comment' | 'trivy-comment' | 'checkov-comment';
  /** IDs as written: Palisade IDs/slugs for palisade-comment, the peer's rule IDs otherwise. */
  ids: string[];
  reason: string;
  /** YYYY-MM-DD after which the comment stops applying (`expires=2026-12-31`, trivy's `:exp:2026-12-31`), or undefined. */
  expires?: string;
  /** Formatted data path the comment covers (the instruction, block or key below it); '' covers the whole object. */
  pathPrefix: string;
  location: Location;
}

/** One RFC 6902 JSON Patch operation; `path` is an RFC 6901 pointer from the object's root (not the file's). */
export type JsonPatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

/** A check's safe fix for one finding, applied by `palisade fix` and, later, by the admission webhook as JSON Patch. */
export interface FindingFix {
  description: string;
  patch: JsonPatchOperation[];
}

/** RFC 6901: `['spec', 'containers', 0]` → `/spec/containers/0`. */
export function toJsonPointer(path: DataPath): string {
  return path.map((seg) => '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** RFC 6901 back to segments; numeric segments stay strings (the caller knows whether the parent is an array). */
export function fromJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`JSON pointer must start with "/": ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
