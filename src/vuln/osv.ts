/**
 * The OSV schema (https://ossf.github.io/osv-schema/, 1.6) — the subset Palisade reads. Every advisory source
 * (OSV exports, the Debian tracker, Alpine secdb, private advisories) is mapped onto this one model.
 */

export type OsvRangeType = 'ECOSYSTEM' | 'SEMVER' | 'GIT';

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: OsvRangeType | string;
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

export interface OsvSeverity {
  /** `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`. */
  type: string;
  score: string;
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  severity?: OsvSeverity[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvRecord {
  schema_version?: string;
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  upstream?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: { type: string; url: string }[];
  credits?: unknown[];
  database_specific?: Record<string, unknown>;
}

/** Structural check of a decoded JSON value: enough to index and match it; anything else is reported, not guessed. */
export function asOsvRecord(v: unknown): OsvRecord | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a JSON object';
  const r = v as Record<string, unknown>;
  if (typeof r['id'] !== 'string' || r['id'] === '') return 'missing "id"';
  if (typeof r['modified'] !== 'string') return `${r['id']}: missing "modified"`;
  if (r['affected'] !== undefined && !Array.isArray(r['affected'])) return `${r['id']}: "affected" is not an array`;
  if (r['aliases'] !== undefined && !Array.isArray(r['aliases'])) return `${r['id']}: "aliases" is not an array`;
  return r as unknown as OsvRecord;
}
