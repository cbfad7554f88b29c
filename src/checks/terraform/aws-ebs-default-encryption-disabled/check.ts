import { defineCheck } from '../../define-check.js';
import { isOff } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0042',
    slug: 'aws-ebs-default-encryption-disabled',
    title: 'EBS encryption by default is switched off',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_ebs_encryption_by_default'],
    description: 'An `aws_ebs_encryption_by_default` resource sets `enabled = false`.',
    rationale:
      'Encryption by default makes every new volume and snapshot copy in the region encrypted, whatever tool or person creates it. Managing the setting and turning it off removes that safety net for every team in the account.',
    remediation: `Turn EBS encryption by default on (optionally with \`aws_ebs_default_kms_key\`).

\`\`\`hcl
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_encryption_by_default',
    ],
    standards: { cis: ['AWS 2.2.1'] },
    peers: [{ tool: 'checkov', id: 'CKV_AWS_106', match: 'same' }],
    messages: { off: 'EBS encryption by default is switched off for the region.' },
    examples: {
      good: `resource "aws_ebs_encryption_by_default" "good" {
  enabled = true
}
`,
      bad: `resource "aws_ebs_encryption_by_default" "bad" {
  enabled = false
}
`,
    },
  },
  run(obj, ctx) {
    if (isOff(obj.value.enabled)) ctx.report({ path: ['enabled'] });
  },
});
