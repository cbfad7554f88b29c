import type { CvssScore } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { scoreCvss } from './cvss/index.js';
import type { OsvAffected, OsvRecord, OsvSeverity } from './osv.js';

export type SeveritySource = 'cvss' | 'ecosystem' | 'unknown';

export interface SeverityAssessment {
  severity: Severity;
  severitySource: SeveritySource;
  /** Every valid CVSS vector of the records, scored by Palisade, without repeats. */
  cvss: CvssScore[];
  /** Vectors that could not be scored, as `<advisory id>: <reason>`: reported, never silently dropped. */
  errors: string[];
}

/** CVSS qualitative rating scale (v3.1 §5, v4.0 §6): ≥9.0 critical, ≥7.0 high, ≥4.0 medium, >0 low, 0 info. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

// Database labels: GHSA CRITICAL/HIGH/MODERATE/LOW, Bitnami Critical/High/Medium/Low/None, Ubuntu priorities, Red Hat-style Important.
const LABELS: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  negligible: 'info',
  none: 'info',
};

function label(v: unknown): Severity | undefined {
  return typeof v === 'string' ? LABELS[v.trim().toLowerCase()] : undefined;
}

const VERSION_RANK: Record<CvssScore['version'], number> = { '4.0': 4, '3.1': 3, '3.0': 3, '2.0': 2 };

export interface RecordEvidence {
  record: OsvRecord;
  /** The record's `affected[]` entries that matched the package: their own `severity` and `ecosystem_specific` count too. */
  affected: readonly OsvAffected[];
}

/**
 * The severity of one vulnerability from the records that describe it, most authoritative record first:
 *  1. CVSS, highest version present in any record (v4.0, then v3.x, then v2), scored from the vector by Palisade — a numeric
 *     score in the advisory is never trusted; among vectors of that version, the first record's, and its highest score;
 *  2. else the first database label found (`database_specific.severity`, `affected[].ecosystem_specific.severity`,
 *     `affected[].database_specific.severity`, an `Ubuntu` priority);
 *  3. else `medium` with source `unknown`: an unrated advisory is neither dismissed as low nor inflated to high, and the
 *     source tells the reader it was not rated.
 */
export function assessSeverity(evidence: readonly RecordEvidence[]): SeverityAssessment {
  const cvss: CvssScore[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  let best: { rank: number; recordIndex: number; score: number } | undefined;
  let ecosystem: Severity | undefined;

  evidence.forEach(({ record, affected }, recordIndex) => {
    const severities: OsvSeverity[] = [...(record.severity ?? []), ...affected.flatMap((a) => a.severity ?? [])];
    for (const s of severities) {
      if (typeof s?.type !== 'string' || typeof s.score !== 'string') continue;
      if (s.type.startsWith('CVSS_')) {
        const r = scoreCvss(s.score, s.type);
        if (!r.ok) {
          errors.push(`${record.id}: ${r.error}`);
          continue;
        }
        const rank = VERSION_RANK[r.value.version];
        if (best === undefined || rank > best.rank || (rank === best.rank && recordIndex === best.recordIndex && r.value.score > best.score)) {
          best = { rank, recordIndex, score: r.value.score };
        }
        if (!seen.has(r.value.vector)) {
          seen.add(r.value.vector);
          cvss.push(r.value);
        }
      } else if (s.type === 'Ubuntu') {
        ecosystem ??= label(s.score);
      }
    }
    ecosystem ??= label(record.database_specific?.['severity']);
    for (const a of affected) {
      ecosystem ??= label(a.ecosystem_specific?.['severity']);
      ecosystem ??= label(a.database_specific?.['severity']);
    }
  });

  if (best !== undefined) return { severity: severityFromScore(best.score), severitySource: 'cvss', cvss, errors };
  if (ecosystem !== undefined) return { severity: ecosystem, severitySource: 'ecosystem', cvss, errors };
  return { severity: 'medium', severitySource: 'unknown', cvss, errors };
}
