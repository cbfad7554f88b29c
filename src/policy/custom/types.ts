import type { Check } from '../../checks/define-check.js';
import type { ConfigIssue } from '../located.js';

/** Where a custom policy came from: a CEL YAML policy, a ValidatingAdmissionPolicy (+ binding), or a TypeScript/JavaScript module. */
export type CustomPolicyKind = 'cel' | 'vap' | 'typescript';

/**
 * A custom policy compiled into a check: it runs in the same engine as the built-in checks, its findings carry its own ID,
 * and config, waivers and every output format treat it like any other check.
 */
export interface CompiledPolicy {
  check: Check<unknown>;
  kind: CustomPolicyKind;
  /** File the policy is defined in, as displayed (relative to cwd). */
  file: string;
  /** The pack it came from, when loaded through a policy pack. */
  pack?: string;
}

export interface CompileResult {
  policies: CompiledPolicy[];
  /** Problems with the policy files themselves (bad YAML, CEL that does not compile): config errors, exit 2. */
  issues: ConfigIssue[];
}

/** Custom policy IDs are the team's own: `ACME-0001`, `SEC-K8S-12`… Never `PAL-`, which is reserved for built-in checks. */
export const CUSTOM_ID = /^(?!PAL-)[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;
