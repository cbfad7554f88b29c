import { err, ok, type Result } from '../../core/result.js';
import { parseMetrics, type VectorGrammar } from './vector.js';
import { MACROVECTOR_SCORES, MAX_COMPOSED, MAX_SEVERITY } from './v4-tables.js';

const HLN = ['H', 'L', 'N'] as const;
const GRAMMAR: VectorGrammar = {
  mandatory: { AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], AT: ['N', 'P'], PR: ['N', 'L', 'H'], UI: ['N', 'P', 'A'], VC: HLN, VI: HLN, VA: HLN, SC: HLN, SI: HLN, SA: HLN },
  optional: {
    E: ['X', 'A', 'P', 'U'],
    CR: ['X', 'H', 'M', 'L'], IR: ['X', 'H', 'M', 'L'], AR: ['X', 'H', 'M', 'L'],
    MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MAT: ['X', 'N', 'P'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'P', 'A'],
    MVC: ['X', ...HLN], MVI: ['X', ...HLN], MVA: ['X', ...HLN], MSC: ['X', ...HLN], MSI: ['X', 'S', ...HLN], MSA: ['X', 'S', ...HLN],
    // Supplemental metrics: validated, never scored.
    S: ['X', 'N', 'P'], AU: ['X', 'N', 'Y'], R: ['X', 'A', 'U', 'I'], V: ['X', 'D', 'C'], RE: ['X', 'L', 'M', 'H'], U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
  },
};

// Severity distances per metric value, from the reference calculator: 0 is the most severe value.
const LEVELS: Record<string, Record<string, number>> = {
  AV: { N: 0, A: 0.1, L: 0.2, P: 0.3 },
  PR: { N: 0, L: 0.1, H: 0.2 },
  UI: { N: 0, P: 0.1, A: 0.2 },
  AC: { L: 0, H: 0.1 },
  AT: { N: 0, P: 0.1 },
  VC: { H: 0, L: 0.1, N: 0.2 },
  VI: { H: 0, L: 0.1, N: 0.2 },
  VA: { H: 0, L: 0.1, N: 0.2 },
  SC: { H: 0.1, L: 0.2, N: 0.3 },
  SI: { S: 0, H: 0.1, L: 0.2, N: 0.3 },
  SA: { S: 0, H: 0.1, L: 0.2, N: 0.3 },
  CR: { H: 0, M: 0.1, L: 0.2 },
  IR: { H: 0, M: 0.1, L: 0.2 },
  AR: { H: 0, M: 0.1, L: 0.2 },
};
const DISTANCE_METRICS = ['AV', 'PR', 'UI', 'AC', 'AT', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA', 'CR', 'IR', 'AR'] as const;

/** The effective value of a metric: a modified (environmental) value overrides the base one; unset threat/requirements take their worst case. */
function effective(metrics: Map<string, string>): (metric: string) => string {
  return (metric) => {
    const selected = metrics.get(metric) ?? 'X';
    if (metric === 'E' && selected === 'X') return 'A';
    if ((metric === 'CR' || metric === 'IR' || metric === 'AR') && selected === 'X') return 'H';
    const modified = metrics.get(`M${metric}`);
    if (modified !== undefined && modified !== 'X') return modified;
    return selected;
  };
}

function macroVector(m: (metric: string) => string): [number, number, number, number, number, number] {
  const av = m('AV'), pr = m('PR'), ui = m('UI');
  const eq1 = av === 'N' && pr === 'N' && ui === 'N' ? 0 : (av === 'N' || pr === 'N' || ui === 'N') && av !== 'P' ? 1 : 2;
  const eq2 = m('AC') === 'L' && m('AT') === 'N' ? 0 : 1;
  const vc = m('VC'), vi = m('VI'), va = m('VA');
  const eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2;
  // MSI/MSA "S" (safety) reaches m('SI')/m('SA') through the modified-value override.
  const si = m('SI'), sa = m('SA');
  const eq4 = si === 'S' || sa === 'S' ? 0 : m('SC') === 'H' || si === 'H' || sa === 'H' ? 1 : 2;
  const e = m('E');
  const eq5 = e === 'A' ? 0 : e === 'P' ? 1 : 2;
  const eq6 = (m('CR') === 'H' && vc === 'H') || (m('IR') === 'H' && vi === 'H') || (m('AR') === 'H' && va === 'H') ? 0 : 1;
  return [eq1, eq2, eq3, eq4, eq5, eq6];
}

const score = (eqs: readonly number[]): number => MACROVECTOR_SCORES[eqs.join('')] ?? Number.NaN;

function parseComposed(text: string): Map<string, string> {
  return new Map(text.split('/').map((p) => p.split(':') as [string, string]));
}

/**
 * The CVSS v4.0 score of a vector, by the specification's MacroVector interpolation (§8.2; the FIRST reference calculator's
 * algorithm): look up the vector's MacroVector score, then lower it by the mean proportional severity distance to the
 * highest-severity vector of that MacroVector. Threat and environmental metrics take part when present (the score is then
 * CVSS-BT/BE/BTE, as every v4 calculator reports it); supplemental metrics never do.
 */
export function cvss4Score(vector: string): Result<{ version: '4.0'; score: number }, string> {
  const match = /^CVSS:4\.0\/(.*)$/.exec(vector.trim());
  if (match === null) return err(`CVSS v4.0: "${vector}" does not start with CVSS:4.0/`);
  const parsed = parseMetrics(match[1] ?? '', GRAMMAR, 'CVSS v4.0');
  if (!parsed.ok) return parsed;
  const m = effective(parsed.value);

  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((k) => m(k) === 'N')) return ok({ version: '4.0', score: 0 });

  const eqs = macroVector(m);
  const [eq1, eq2, eq3, eq4, eq5, eq6] = eqs;
  const value = score(eqs);
  if (Number.isNaN(value)) return err(`CVSS v4.0: "${vector}" falls in no MacroVector`);

  // a. Maximal scoring difference: to the next lower MacroVector along each EQ (NaN where there is none).
  const lower = (i: number, j?: number): number => {
    const next = [...eqs];
    next[i] = (next[i] as number) + 1;
    if (j !== undefined) next[j] = (next[j] as number) + 1;
    return score(next);
  };
  const nextEq1 = lower(0);
  const nextEq2 = lower(1);
  let nextEq3Eq6: number;
  if (eq3 === 0 && eq6 === 0) {
    // Two ways down (00→01, 00→10): the higher-scoring one.
    const left = lower(5);
    const right = lower(2);
    nextEq3Eq6 = left > right ? left : right;
  } else if (eq3 === 1 && eq6 === 0) nextEq3Eq6 = lower(5);
  else if (eq6 === 1 && eq3 < 2) nextEq3Eq6 = lower(2);
  else nextEq3Eq6 = lower(2, 5);
  const nextEq4 = lower(3);
  const nextEq5 = lower(4);

  // b. Severity distance from the first highest-severity vector of this MacroVector that the vector does not exceed.
  const candidates: string[] = [];
  const levels = (lists: readonly (readonly string[])[], i: number): readonly string[] => lists[i] ?? [];
  for (const a of levels(MAX_COMPOSED.eq1, eq1)) for (const b of levels(MAX_COMPOSED.eq2, eq2)) for (const c of levels(MAX_COMPOSED.eq3eq6[eq3] ?? [], eq6))
    for (const d of levels(MAX_COMPOSED.eq4, eq4)) for (const e of levels(MAX_COMPOSED.eq5, eq5)) candidates.push(`${a}/${b}/${c}/${d}/${e}`);
  let distance: Record<string, number> = {};
  for (const candidate of candidates) {
    const max = parseComposed(candidate);
    distance = {};
    for (const k of DISTANCE_METRICS) distance[k] = LEVELS[k]![m(k)]! - LEVELS[k]![max.get(k)!]!;
    // The reference calculator keeps the last candidate when none fits; so does this loop.
    if (DISTANCE_METRICS.every((k) => (distance[k] as number) >= 0)) break;
  }
  const d = (...ks: string[]): number => ks.reduce((sum, k) => sum + (distance[k] as number), 0);
  const current = {
    eq1: d('AV', 'PR', 'UI'),
    eq2: d('AC', 'AT'),
    eq3eq6: d('VC', 'VI', 'VA', 'CR', 'IR', 'AR'),
    eq4: d('SC', 'SI', 'SA'),
  };
  const step = 0.1;
  const depth = {
    eq1: MAX_SEVERITY.eq1[eq1]! * step,
    eq2: MAX_SEVERITY.eq2[eq2]! * step,
    eq3eq6: MAX_SEVERITY.eq3eq6[eq3]![eq6]! * step,
    eq4: MAX_SEVERITY.eq4[eq4]! * step,
  };

  // c, d. Each available scoring difference scaled by the proportion of the depth already travelled; 2. their mean.
  let existing = 0;
  let total = 0;
  const add = (next: number, proportion: number): void => {
    const available = value - next;
    if (Number.isNaN(available)) return;
    existing++;
    total += available * proportion;
  };
  add(nextEq1, current.eq1 / depth.eq1);
  add(nextEq2, current.eq2 / depth.eq2);
  add(nextEq3Eq6, current.eq3eq6 / depth.eq3eq6);
  add(nextEq4, current.eq4 / depth.eq4);
  add(nextEq5, 0);
  const mean = existing === 0 ? 0 : total / existing;

  // 3. Rounded half up to one decimal; the epsilon lifts x.x4999… (float noise for an x.x5 tie) as the reference does.
  const raw = Math.min(10, Math.max(0, value - mean));
  return ok({ version: '4.0', score: Math.round((raw + 1e-6) * 10) / 10 });
}
