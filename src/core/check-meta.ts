import { z } from 'zod';
import { CHECK_TARGETS, type CheckTarget } from './config-object.js';
import { PEER_TOOLS } from './finding.js';
import { SEVERITIES } from './severity.js';

export const CATEGORIES = [
  'pod-security',
  'rbac',
  'network',
  'secrets',
  'images',
  'resources',
  'reliability',
  'placement',
  'cross-resource',
  'best-practice',
  // Dockerfile, compose and cloud (Terraform) concepts:
  'build',
  'encryption',
  'logging',
  'iam',
  'storage',
  'backup',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Peer ID patterns, so a typo in a peer reference fails the catalog test. */
export const PEER_ID_PATTERNS: Record<(typeof PEER_TOOLS)[number], RegExp> = {
  checkov: /^CKV2?_(K8S|DOCKER|AWS|GCP|AZURE)_\d+$/,
  // Kubernetes KSV…, Dockerfile DS…, cloud AVD-AWS-0086 (and the short AWS-0086 form newer releases print).
  trivy: /^(KSV-?\d{3,4}|DS-?\d{3,4}|AVD-(KSV|DS|AWS|GCP|AZU|KUBE)-\d{4}|(AWS|GCP|AZU)-\d{4})$/,
  hadolint: /^(DL|SC)\d{4}$/,
  'kube-linter': /^[a-z0-9]+(-[a-z0-9]+)*$/,
  polaris: /^[a-z][A-Za-z0-9]+$/,
  kyverno: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  gitleaks: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  trufflehog: /^[A-Za-z0-9]+$/,
};

const https = z.string().regex(/^https:\/\/\S+$/, 'references must be https URLs');

/** ID prefix per target: `PAL-K8S-0001`, `PAL-DOCKER-0001`, `PAL-COMPOSE-0001`, `PAL-TF-0001`. */
export const ID_PREFIX: Record<CheckTarget, string> = { kubernetes: 'K8S', dockerfile: 'DOCKER', compose: 'COMPOSE', terraform: 'TF' };
/** The fenced snippet language a remediation must show for each target. */
export const SNIPPET_LANGUAGE: Record<CheckTarget, string> = { kubernetes: 'yaml', dockerfile: 'dockerfile', compose: 'yaml', terraform: 'hcl' };

export const checkMetaSchema = z
  .object({
    /** Which format the check reads; its objects come from that format's parser. */
    target: z.enum(CHECK_TARGETS).default('kubernetes'),
    id: z.string().regex(/^PAL-(K8S|DOCKER|COMPOSE|TF)-\d{4}$/, 'id must look like PAL-K8S-0001 (or PAL-DOCKER-, PAL-COMPOSE-, PAL-TF-)'),
    aliases: z.array(z.string()).default([]),
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug must be kebab-case'),
    title: z.string().min(5).max(90),
    severity: z.enum(SEVERITIES),
    category: z.enum(CATEGORIES),
    description: z.string().min(10),
    rationale: z.string().min(10),
    remediation: z
      .string()
      .min(10)
      .refine((s) => /```(yaml|dockerfile|hcl)\n[\s\S]+?```/.test(s), 'remediation must include a fixed ```yaml, ```dockerfile or ```hcl snippet')
      .refine((s) => s.split('```')[0]!.trim().endsWith('.'), 'remediation prose must end with "."'),
    references: z.array(https).min(1),
    standards: z
      .object({
        pss: z.enum(['baseline', 'restricted']).optional(),
        cis: z.array(z.string()).optional(),
        nsa: z.string().optional(),
      })
      .strict()
      .default({}),
    peers: z.array(
      z
        .object({ tool: z.enum(PEER_TOOLS), id: z.string(), match: z.enum(['same', 'partial']) })
        .strict()
        .refine((p) => PEER_ID_PATTERNS[p.tool].test(p.id), { message: 'peer id does not match the tool pattern' }),
    ),
    messages: z.record(z.string(), z.string().min(5)).refine((m) => Object.keys(m).length > 0, 'at least one message'),
    examples: z.object({ good: z.string().min(10), bad: z.string().min(10) }).strict(),
    /** Kinds this check looks at (informational, used in docs). */
    kinds: z.array(z.string()).min(1),
    /** Off by default: opt-in checks (e.g. those that need an option to be meaningful). */
    defaultEnabled: z.boolean().default(true),
  })
  .strict()
  .refine((m) => m.id.startsWith(`PAL-${ID_PREFIX[m.target]}-`), { message: 'id prefix must match the target (PAL-K8S- kubernetes, PAL-DOCKER- dockerfile, PAL-COMPOSE- compose, PAL-TF- terraform)', path: ['id'] })
  .refine((m) => m.remediation.includes('```' + SNIPPET_LANGUAGE[m.target] + '\n'), { message: 'remediation snippet must be in the target\'s language (yaml, dockerfile, hcl)', path: ['remediation'] });

export type CheckMetaInput = z.input<typeof checkMetaSchema>;
export type CheckMeta = z.output<typeof checkMetaSchema>;
