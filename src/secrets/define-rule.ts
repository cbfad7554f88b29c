import { z } from 'zod';
import { SEVERITIES } from '../core/severity.js';

/**
 * A secret rule: a provider-specific pattern with a keyword pre-filter. The keywords are what makes scanning fast:
 * a rule's regex only runs on text that contains one of them (case-insensitive).
 */
export const secretRuleMetaSchema = z
  .object({
    id: z.string().regex(/^PAL-SEC-\d{4}$/, 'id must look like PAL-SEC-0001'),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug must be kebab-case'),
    title: z.string().min(5).max(90),
    severity: z.enum(SEVERITIES),
    description: z.string().min(10),
    remediation: z.string().min(10).refine((s) => s.trim().endsWith('.'), 'remediation must end with "."'),
    references: z.array(z.string().regex(/^https:\/\/\S+$/)).min(1),
    /** The same rule in gitleaks (rule id) or trufflehog (detector name), when one exists. */
    peers: z.array(z.object({ tool: z.enum(['gitleaks', 'trufflehog']), id: z.string().min(2) }).strict()).default([]),
    /** Lower-case substrings; the rule runs only when one occurs in the text. Must be literally present in every match. */
    keywords: z.array(z.string().min(2).refine((k) => k === k.toLowerCase(), 'keywords are lower-case')).min(1),
    /** Positive examples: each must produce exactly one finding of this rule. Negative examples: none. */
    examples: z.object({ positive: z.array(z.string()).min(2), negative: z.array(z.string()).min(2) }).strict(),
  })
  .strict();

export type SecretRuleMeta = z.output<typeof secretRuleMetaSchema>;

export interface SecretRuleDefinition {
  meta: z.input<typeof secretRuleMetaSchema>;
  /** The pattern. Flags are normalised to `g` (+ the pattern's own `i`, `m`, `s`, `u`). */
  pattern: RegExp;
  /** Capture group holding the secret itself (default 0: the whole match); the rest is context. */
  secretGroup?: number;
  /** Minimum Shannon entropy (bits per character) of the secret; filters out words and placeholders. */
  minEntropy?: number;
  /** Extra validation of a candidate (checksums, structure). Return false to drop it. */
  validate?(secret: string, match: RegExpExecArray): boolean;
}

export interface SecretRule {
  meta: SecretRuleMeta;
  pattern: RegExp;
  secretGroup: number;
  minEntropy: number;
  validate?: (secret: string, match: RegExpExecArray) => boolean;
}

export function defineSecretRule(def: SecretRuleDefinition): SecretRule {
  const parsed = secretRuleMetaSchema.safeParse(def.meta);
  if (!parsed.success) {
    throw new Error(`invalid secret rule ${String(def.meta?.id)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const flags = new Set(['g', ...def.pattern.flags.split('').filter((f) => 'imsu'.includes(f))]);
  const rule: SecretRule = {
    meta: Object.freeze(parsed.data) as SecretRuleMeta,
    pattern: new RegExp(def.pattern.source, [...flags].join('')),
    secretGroup: def.secretGroup ?? 0,
    minEntropy: def.minEntropy ?? 0,
  };
  if (def.validate) rule.validate = def.validate;
  return rule;
}
