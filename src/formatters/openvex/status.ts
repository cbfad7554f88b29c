/**
 * How a suppressed vulnerability finding reads as a VEX statement. Shared by the OpenVEX and CycloneDX formatters.
 *
 * `Suppression` has no field for a VEX status or justification, so policy/vex.ts writes them at the head of `reason`:
 * `fixed`, `fixed: <notes>`, `<justification>`, `<justification>: <impact statement>` or just the impact statement.
 * A waiver may use the same form (`reason: "vulnerable_code_not_in_execute_path: we never call parse()"`); any other
 * reason is an impact statement of a `not_affected` decision.
 */
import type { Suppression } from '../../core/finding.js';

import { VEX_JUSTIFICATIONS as OPENVEX_JUSTIFICATIONS, type VexJustification as OpenVexJustification } from '../../core/vex.js';

export { OPENVEX_JUSTIFICATIONS, type OpenVexJustification };

export interface VexDecision {
  status: 'not_affected' | 'fixed';
  justification?: OpenVexJustification;
  /** The free text after the status or justification; '' when there is none. */
  statement: string;
}

const HEAD = /^\s*([a-z_]+)\s*(?::\s*([\s\S]*))?$/;

export function vexDecisionOf(s: Suppression): VexDecision {
  const m = HEAD.exec(s.reason);
  if (m) {
    const head = m[1]!;
    const rest = (m[2] ?? '').trim();
    if (head === 'fixed') return { status: 'fixed', statement: rest };
    if ((OPENVEX_JUSTIFICATIONS as readonly string[]).includes(head)) {
      return { status: 'not_affected', justification: head as OpenVexJustification, statement: rest };
    }
  }
  return { status: 'not_affected', statement: s.reason.trim() };
}

/** CycloneDX 1.6 `analysis.justification` for an OpenVEX justification (CISA's VEX status mapping, nearest term). */
export const CYCLONEDX_JUSTIFICATION: Record<OpenVexJustification, string> = {
  component_not_present: 'code_not_present',
  vulnerable_code_not_present: 'code_not_present',
  vulnerable_code_not_in_execute_path: 'code_not_reachable',
  vulnerable_code_cannot_be_controlled_by_adversary: 'requires_environment',
  inline_mitigations_already_exist: 'protected_by_mitigating_control',
};

/** The public page of an advisory: OSV serves every ID it has, including CVE and GHSA aliases. */
export function advisoryUrl(id: string): string {
  return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
}
