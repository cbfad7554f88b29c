import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { numOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0025',
    slug: 'aws-iam-password-max-age',
    title: 'IAM passwords never expire or expire late',
    severity: 'low',
    category: 'iam',
    kinds: ['aws_iam_account_password_policy'],
    description:
      'The account password policy leaves `max_password_age` unset (passwords never expire) or sets it above 90 days (the `maxDays` option).',
    rationale:
      'A password that never expires stays valid long after it leaked into a breach corpus or a chat log. CIS AWS Foundations expected expiry within 90 days; newer guidance (NIST 800-63B) prefers MFA and breach checks over forced rotation, so this check is low severity and configurable.',
    remediation: `Expire passwords within 90 days, and require MFA for console users.

\`\`\`hcl
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  max_password_age        = 90
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_9', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0062', match: 'same' },
    ],
    messages: {
      long: 'Passwords expire only after {{days}} days (at most {{max}} expected).',
      unset: 'Password policy does not set max_password_age: passwords never expire.',
    },
    examples: {
      good: `resource "aws_iam_account_password_policy" "good" {
  max_password_age = 90
}
`,
      bad: `resource "aws_iam_account_password_policy" "bad" {
  max_password_age = 365
}
`,
    },
  },
  options: z
    .object({
      /** Longest acceptable password lifetime in days. */
      maxDays: z.number().int().min(1).max(1095).default(90),
    })
    .strict(),
  run(obj, ctx) {
    const max = ctx.options.maxDays;
    const n = numOf(obj.value.max_password_age);
    // 0 is what the API reports for "never expires".
    if (n === 'unset' || n === 0) ctx.report({ path: ['max_password_age'], messageId: 'unset' });
    else if (typeof n === 'number' && n > max) ctx.report({ path: ['max_password_age'], messageId: 'long', data: { days: n, max } });
  },
});
