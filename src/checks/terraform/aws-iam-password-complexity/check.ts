import { defineCheck } from '../../define-check.js';
import { isOff, offOrUnset } from '../../_lib/terraform-aws.js';

const REQUIREMENTS = [
  ['require_lowercase_characters', 'a lowercase letter'],
  ['require_uppercase_characters', 'an uppercase letter'],
  ['require_numbers', 'a number'],
  ['require_symbols', 'a symbol'],
] as const;

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0026',
    slug: 'aws-iam-password-complexity',
    title: 'IAM password policy does not require character classes',
    severity: 'low',
    category: 'iam',
    kinds: ['aws_iam_account_password_policy'],
    description:
      'The account password policy does not require lowercase letters, uppercase letters, numbers or symbols (`require_*` unset or false); one finding per missing class.',
    rationale:
      'Character-class rules keep users from choosing dictionary words and short numeric PINs. They matter less than length and MFA, hence low severity, but most compliance baselines (CIS AWS 1.5–1.8 in earlier versions, PCI DSS) still expect them.',
    remediation: `Require every character class.

\`\`\`hcl
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_11', match: 'same' },
      { tool: 'checkov', id: 'CKV_AWS_12', match: 'same' },
      { tool: 'checkov', id: 'CKV_AWS_14', match: 'same' },
      { tool: 'checkov', id: 'CKV_AWS_15', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0058', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0059', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0060', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0061', match: 'same' },
    ],
    messages: {
      unset: 'Password policy does not set {{attribute}}: passwords need not contain {{what}}.',
      off: 'Password policy sets {{attribute}} = false: passwords need not contain {{what}}.',
    },
    examples: {
      good: `resource "aws_iam_account_password_policy" "good" {
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}
`,
      bad: `resource "aws_iam_account_password_policy" "bad" {
  require_lowercase_characters = true
  require_uppercase_characters = true
}
`,
    },
  },
  run(obj, ctx) {
    for (const [attribute, what] of REQUIREMENTS) {
      const v = obj.value[attribute];
      if (offOrUnset(v)) ctx.report({ path: [attribute], messageId: isOff(v) ? 'off' : 'unset', data: { attribute, what } });
    }
  },
});
