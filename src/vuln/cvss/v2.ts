import { err, ok, type Result } from '../../core/result.js';
import { parseMetrics, type VectorGrammar } from './vector.js';

const CIA = ['N', 'P', 'C'] as const;
const GRAMMAR: VectorGrammar = {
  mandatory: { AV: ['L', 'A', 'N'], AC: ['H', 'M', 'L'], Au: ['M', 'S', 'N'], C: CIA, I: CIA, A: CIA },
  optional: {
    E: ['U', 'POC', 'F', 'H', 'ND'], RL: ['OF', 'TF', 'W', 'U', 'ND'], RC: ['UC', 'UR', 'C', 'ND'],
    CDP: ['N', 'L', 'LM', 'MH', 'H', 'ND'], TD: ['N', 'L', 'M', 'H', 'ND'], CR: ['L', 'M', 'H', 'ND'], IR: ['L', 'M', 'H', 'ND'], AR: ['L', 'M', 'H', 'ND'],
  },
};

const AV: Record<string, number> = { L: 0.395, A: 0.646, N: 1.0 };
const AC: Record<string, number> = { H: 0.35, M: 0.61, L: 0.71 };
const AU: Record<string, number> = { M: 0.45, S: 0.56, N: 0.704 };
const IMPACT: Record<string, number> = { N: 0, P: 0.275, C: 0.66 };

/** The base score of a CVSS v2 vector (`AV:N/AC:L/Au:N/C:P/I:P/A:P`, optionally in parentheses or after `CVSS:2.0/`), per the v2 guide §3.2.1. */
export function cvss2BaseScore(vector: string): Result<{ version: '2.0'; score: number }, string> {
  let body = vector.trim();
  if (body.startsWith('(') && body.endsWith(')')) body = body.slice(1, -1);
  if (body.startsWith('CVSS:2.0/')) body = body.slice('CVSS:2.0/'.length);
  const parsed = parseMetrics(body, GRAMMAR, 'CVSS v2');
  if (!parsed.ok) return parsed;
  const g = (k: string): string => parsed.value.get(k) as string;
  const impact = 10.41 * (1 - (1 - IMPACT[g('C')]!) * (1 - IMPACT[g('I')]!) * (1 - IMPACT[g('A')]!));
  const exploitability = 20 * AV[g('AV')]! * AC[g('AC')]! * AU[g('Au')]!;
  const f = impact === 0 ? 0 : 1.176;
  const raw = (0.6 * impact + 0.4 * exploitability - 1.5) * f;
  // The guide rounds to one decimal; the epsilon keeps x.x5 computed as x.x4999… from rounding down.
  const score = Math.max(0, Math.round(raw * 10 + 1e-9) / 10);
  if (!Number.isFinite(score)) return err(`CVSS v2: "${vector}" gives no score`);
  return ok({ version: '2.0', score });
}
