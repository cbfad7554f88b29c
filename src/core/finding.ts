import type { FindingFix } from './config-object.js';
import type { Location } from './location.js';
import type { Severity } from './severity.js';

/**
 * The identity of the object a finding is about: a Kubernetes object; a Terraform resource (kind = resource type, name =
 * address); a compose service (kind `ComposeService`). Engines without objects (secrets in text, lockfiles) leave fields empty.
 */
export interface Resource {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

export const PEER_TOOLS = ['checkov', 'trivy', 'kube-linter', 'polaris', 'kyverno', 'gitleaks', 'trufflehog', 'hadolint'] as const;
export type PeerTool = (typeof PEER_TOOLS)[number];

/** The same concept in another tool, and how closely the two agree. */
export interface Peer {
  tool: PeerTool;
  id: string;
  match: 'same' | 'partial';
}

/** Which mechanism silenced a finding. */
export type SuppressionMechanism =
  | 'annotation'
  | 'waiver-file'
  | 'checkov-annotation'
  | 'checkov-comment'
  | 'kube-linter-annotation'
  | 'polaris-annotation'
  | 'vex'
  /** `# palisade:ignore=<id> <reason>` in a Dockerfile, compose or Terraform file. */
  | 'palisade-comment'
  /** `# hadolint ignore=DL3008` above a Dockerfile instruction. */
  | 'hadolint-comment'
  /** `#trivy:ignore:<id>` (and the older `#tfsec:ignore:<id>`) above a Terraform block or Dockerfile instruction. */
  | 'trivy-comment';

export interface Suppression {
  by: SuppressionMechanism;
  reason: string;
  /** ISO date (YYYY-MM-DD) after which the waiver stops applying, or null. */
  expires: string | null;
  owner?: string;
  ticket?: string;
  /** The waiver's own id or the annotation key that matched. */
  source?: string;
}

/** Where in a repository's history a finding was introduced (git-history secret scanning). */
export interface Provenance {
  /** Full SHA of the commit that first added the offending content. */
  commit: string;
  /** That commit's author date, strict ISO 8601 with the author's UTC offset (git `%aI`). */
  authorDate: string;
  /** That commit's author name (git `%an`, not mailmap-mapped); may be empty for imported history. */
  author: string;
}

/** A CVSS vector from an advisory, with the base score Palisade computed from it. */
export interface CvssScore {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
  /** Base score 0.0–10.0 computed from the vector (not copied from the advisory). */
  score: number;
}

/** What a vulnerability finding is about: the advisory and the package it hits. */
export interface VulnerabilityDetail {
  /** The advisory ID reported (the OSV record's own ID, e.g. `GHSA-…`, `GO-2023-…`, `RUSTSEC-…`, `PYSEC-…`, `DSA-…`). */
  id: string;
  /** Every other ID for the same vulnerability (CVE, GHSA, …), merged from aliases and from records that alias each other. */
  aliases: string[];
  summary: string;
  package: { ecosystem: string; name: string; version: string; purl: string };
  /** The versions that fix this advisory for this package (from `fixed` events), lowest first. */
  fixedVersions: string[];
  /** Smallest version that clears every advisory of this package, when one exists. */
  upgradeTo?: string;
  cvss: CvssScore[];
  /** Where `severity` came from. */
  severitySource: 'cvss' | 'ecosystem' | 'unknown';
  /** Informational advisories (RustSec `unmaintained`, `unsound`, `notice`): not vulnerabilities, reported at low severity. */
  informational?: string;
  layer?: { index: number; digest: string };
  published?: string;
  modified?: string;
}

/** One problem. Every engine (checks, vulnerabilities, secrets, malware, admission) produces this shape. */
export interface Finding {
  /** Stable across runs and line moves: check + resource identity + data path. */
  fingerprint: string;
  checkId: string;
  slug: string;
  title: string;
  severity: Severity;
  category: string;
  message: string;
  location: Location;
  /** Data path of the offending field (or its nearest existing parent), e.g. `spec.containers[0].securityContext`. */
  dataPath: string;
  resource: Resource;
  remediation: string;
  references: string[];
  peers: Peer[];
  suppressed: Suppression | null;
  /** Set only by the git-history scan: the commit that introduced the finding. Absent for findings in the working tree. */
  provenance?: Provenance;
  /** Set only by the vulnerability engine. */
  vulnerability?: VulnerabilityDetail;
  /** The check's safe fix, as JSON Patch on the object (`palisade fix` writes it into the file). */
  fix?: FindingFix;
  /** Which format the finding's object came from, when the object was derived from another (Terraform `kubernetes_*`). */
  derivedFrom?: { target: string; kind: string; name: string };
}
