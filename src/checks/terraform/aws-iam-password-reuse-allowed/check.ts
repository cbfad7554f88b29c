import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { numOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0024',
    slug: 'aws-iam-password-reuse-allowed',
    title: 'IAM password policy allows reusing recent passwords',
    severity: 'medium',
    category: 'iam',
    kinds: ['aws_iam_account_password_policy'],
    description:
      'The account password policy leaves `password_reuse_prevention` unset (any previous password may be reused) or remembers fewer than 24 passwords (the `minRemembered` option).',
    rationale:
      'Without reuse prevention a forced rotation is undone by switching back to the old, possibly leaked, password. CIS AWS Foundations asks to remember the last 24.',
    remediation: `Prevent reuse of the last 24 passwords.

\`\`\`hcl
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length   = 14
  password_reuse_prevention = 24
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy',
    ],
    standards: { cis: ['AWS 1.9'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_13', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0056', match: 'partial' },
    ],
    messages: {
      few: 'Password policy remembers only {{count}} previous passwords (at least {{min}} expected).',
      unset: 'Password policy does not set password_reuse_prevention: old passwords can be reused.',
    },
    examples: {
      good: `resource "aws_iam_account_password_policy" "good" {
  minimum_password_length   = 14
  password_reuse_prevention = 24
}
`,
      bad: `resource "aws_iam_account_password_policy" "bad" {
  minimum_password_length = 14
}
`,
    },
  },
  options: z
    .object({
      /** Fewest previous passwords that must be remembered (IAM allows 1–24). */
      minRemembered: z.number().int().min(1).max(24).default(24),
    })
    .strict(),
  run(obj, ctx) {
    const min = ctx.options.minRemembered;
    const n = numOf(obj.value.password_reuse_prevention);
    if (n === 'unset') ctx.report({ path: ['password_reuse_prevention'], messageId: 'unset' });
    else if (typeof n === 'number' && n < min) ctx.report({ path: ['password_reuse_prevention'], messageId: 'few', data: { count: n, min } });
  },
});
