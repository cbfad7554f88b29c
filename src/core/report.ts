import type { Finding } from './finding.js';
import type { Location } from './location.js';
import type { Package } from './package.js';
import { SEVERITIES, type Severity, atOrAbove } from './severity.js';

/** Version of the JSON report contract (docs/json-output.md, schemas/report.schema.json). Bump major on breaking change. */
export const REPORT_SCHEMA_VERSION = '1.3.0';

export type TargetKind =
  | 'kubernetes'
  | 'yaml'
  | 'json'
  | 'text'
  | 'git'
  | 'image'
  | 'lockfile'
  | 'sbom'
  | 'rootfs'
  | 'dockerfile'
  | 'compose'
  | 'terraform'
  | 'terraform-plan'
  | 'helm'
  | 'kustomize'
  | 'policy'
  | 'unknown';

export interface TargetIssue {
  message: string;
  location: Location;
  /** Machine-readable cause: yaml-syntax, alias-bomb, too-large, binary, encoding, unreadable, symlink-loop, check-crash, … */
  code: string;
  /** Set when a check crashed on this target. */
  checkId?: string;
}

/** One scanned file (or stdin). `errors` mean the file was not fully scanned and count towards exit code 3. */
export interface Target {
  path: string;
  kind: TargetKind;
  /** Number of Kubernetes objects found in the file. */
  resources: number;
  /** Documents in the file that were not Kubernetes objects (skipped, not an error). */
  skippedDocuments: number;
  errors: TargetIssue[];
  warnings: TargetIssue[];
}

export interface Summary {
  /** Findings not suppressed. */
  total: number;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  errors: number;
  warnings: number;
  targets: number;
  resources: number;
  skippedDocuments: number;
}

export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  /** ISO timestamp of the scan; supplied by the caller so pure layers never read the clock. */
  generatedAt: string;
  targets: Target[];
  findings: Finding[];
  /** Waivers that no longer apply because they expired; reported so they get renewed or removed. */
  expiredWaivers: ExpiredWaiver[];
  /** Every package found (lockfiles, images, SBOMs) when the vulnerability scanner ran; absent otherwise. */
  inventory?: Package[];
  /** Set by `--since <ref>` / `--baseline <report>`: findings the base already had are left out of `findings`. */
  diff?: DiffSummary;
  summary: Summary;
}

export interface DiffSummary {
  kind: 'git' | 'report';
  /** The git ref or report path as given. */
  base: string;
  /** The commit the git ref resolved to. */
  commit?: string;
  /** Findings left out because the base has the same fingerprint. */
  unchanged: number;
}

export interface ExpiredWaiver {
  source: string;
  checks: string[];
  reason: string;
  expires: string;
  owner?: string;
  ticket?: string;
  location?: Location;
}

export function emptyBySeverity(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

export function summarize(targets: readonly Target[], findings: readonly Finding[]): Summary {
  const bySeverity = emptyBySeverity();
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed++;
    else bySeverity[f.severity]++;
  }
  let errors = 0;
  let warnings = 0;
  let resources = 0;
  let skippedDocuments = 0;
  for (const t of targets) {
    errors += t.errors.length;
    warnings += t.warnings.length;
    resources += t.resources;
    skippedDocuments += t.skippedDocuments;
  }
  return {
    total: findings.length - suppressed,
    bySeverity,
    suppressed,
    errors,
    warnings,
    targets: targets.length,
    resources,
    skippedDocuments,
  };
}

export const EXIT = { clean: 0, findings: 1, usage: 2, scanError: 3 } as const;

/** The gate: 3 when any target could not be scanned, 1 when an unsuppressed finding is at/above the threshold, else 0. */
export function exitCodeFor(report: Report, failOn: Severity | 'none'): number {
  if (report.summary.errors > 0) return EXIT.scanError;
  if (failOn === 'none') return EXIT.clean;
  const hit = report.findings.some((f) => !f.suppressed && atOrAbove(f.severity, failOn));
  return hit ? EXIT.findings : EXIT.clean;
}
