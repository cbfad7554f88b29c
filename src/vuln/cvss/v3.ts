import { err, ok, type Result } from '../../core/result.js';
import { parseMetrics, type VectorGrammar } from './vector.js';

const CIA = ['H', 'L', 'N'] as const;
const GRAMMAR: VectorGrammar = {
  mandatory: { AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], PR: ['N', 'L', 'H'], UI: ['N', 'R'], S: ['U', 'C'], C: CIA, I: CIA, A: CIA },
  optional: {
    E: ['X', 'H', 'F', 'P', 'U'], RL: ['X', 'U', 'W', 'T', 'O'], RC: ['X', 'C', 'R', 'U'],
    CR: ['X', 'H', 'M', 'L'], IR: ['X', 'H', 'M', 'L'], AR: ['X', 'H', 'M', 'L'],
    MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'R'], MS: ['X', 'U', 'C'],
    MC: ['X', ...CIA], MI: ['X', ...CIA], MA: ['X', ...CIA],
  },
};

const AV: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Record<string, number> = { L: 0.77, H: 0.44 };
const PR_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };
const UI: Record<string, number> = { N: 0.85, R: 0.62 };
const IMPACT: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };

/** CVSS v3.1 specification, Appendix A: rounds up to one decimal while avoiding floating-point artefacts (e.g. 4.000000001 → 4.0). */
export function roundup31(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

/** CVSS v3.0 specification §7.4: the smallest one-decimal number not below x (no guard against float noise). */
export function roundup30(x: number): number {
  return Math.ceil(x * 10) / 10;
}

/** The base score of a `CVSS:3.0/…` or `CVSS:3.1/…` vector; temporal and environmental metrics are validated, then ignored. */
export function cvss3BaseScore(vector: string): Result<{ version: '3.0' | '3.1'; score: number }, string> {
  const m = /^CVSS:3\.([01])\/(.*)$/.exec(vector.trim());
  if (m === null) return err(`CVSS v3: "${vector}" does not start with CVSS:3.0/ or CVSS:3.1/`);
  const version = m[1] === '0' ? '3.0' : '3.1';
  const parsed = parseMetrics(m[2] ?? '', GRAMMAR, `CVSS v${version}`);
  if (!parsed.ok) return parsed;
  const g = (k: string): string => parsed.value.get(k) as string;
  const changed = g('S') === 'C';
  const iss = 1 - (1 - IMPACT[g('C')]!) * (1 - IMPACT[g('I')]!) * (1 - IMPACT[g('A')]!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * AV[g('AV')]! * AC[g('AC')]! * (changed ? PR_CHANGED : PR_UNCHANGED)[g('PR')]! * UI[g('UI')]!;
  const roundup = version === '3.0' ? roundup30 : roundup31;
  let score: number;
  if (impact <= 0) score = 0;
  else if (changed) score = roundup(Math.min(1.08 * (impact + exploitability), 10));
  else score = roundup(Math.min(impact + exploitability, 10));
  return ok({ version, score });
}
