import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { numOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0023',
    slug: 'aws-iam-password-min-length',
    title: 'IAM password policy allows short passwords',
    severity: 'medium',
    category: 'iam',
    kinds: ['aws_iam_account_password_policy'],
    description:
      'The account password policy sets `minimum_password_length` below 14 (the `minLength` option), or leaves it unset (AWS then requires 8).',
    rationale:
      'Length is what makes a password resist offline cracking and guessing; CIS AWS Foundations requires at least 14 characters for IAM user console passwords.',
    remediation: `Require at least 14 characters.

\`\`\`hcl
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 90
  allow_users_to_change_password = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy',
    ],
    standards: { cis: ['AWS 1.8'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_10', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0063', match: 'same' },
    ],
    messages: {
      short: 'Password policy requires only {{length}} characters (at least {{min}} expected).',
      unset: 'Password policy does not set minimum_password_length (AWS requires only 8 characters; at least {{min}} expected).',
    },
    examples: {
      good: `resource "aws_iam_account_password_policy" "good" {
  minimum_password_length = 14
}
`,
      bad: `resource "aws_iam_account_password_policy" "bad" {
  minimum_password_length = 8
}
`,
    },
  },
  options: z
    .object({
      /** Shortest acceptable minimum length. */
      minLength: z.number().int().min(6).max(128).default(14),
    })
    .strict(),
  run(obj, ctx) {
    const min = ctx.options.minLength;
    const n = numOf(obj.value.minimum_password_length);
    if (n === 'unset') ctx.report({ path: ['minimum_password_length'], messageId: 'unset', data: { min } });
    else if (typeof n === 'number' && n < min) ctx.report({ path: ['minimum_password_length'], messageId: 'short', data: { length: n, min } });
  },
});
