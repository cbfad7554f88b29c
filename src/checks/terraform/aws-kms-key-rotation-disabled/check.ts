import { defineCheck } from '../../define-check.js';
import { isOff, offOrUnset, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0046',
    slug: 'aws-kms-key-rotation-disabled',
    title: 'KMS key rotation is not enabled',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_kms_key'],
    description:
      'A symmetric encryption `aws_kms_key` does not set `enable_key_rotation = true` (default false). Asymmetric and HMAC keys, which KMS cannot rotate, and keys with imported material are not reported.',
    rationale:
      'Automatic rotation replaces the key material every year (or the period you choose) while keeping old material for decryption, limiting how much data any one piece of key material protects and how long a leaked copy stays useful (CIS AWS 3.6).',
    remediation: `Enable automatic rotation.

\`\`\`hcl
resource "aws_kms_key" "data" {
  description             = "Application data"
  enable_key_rotation     = true
  rotation_period_in_days = 365
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key#enable_key_rotation',
    ],
    standards: { cis: ['AWS 3.6'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_7', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0065', match: 'same' },
    ],
    messages: {
      unset: 'KMS key does not enable automatic rotation (enable_key_rotation defaults to false).',
      off: 'KMS key sets enable_key_rotation = false.',
    },
    examples: {
      good: `resource "aws_kms_key" "good" {
  description         = "data"
  enable_key_rotation = true
}
`,
      bad: `resource "aws_kms_key" "bad" {
  description = "data"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    const spec = strOf(v.customer_master_key_spec) ?? strOf(v.key_spec);
    if (spec === null || (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT')) return;
    const usage = strOf(v.key_usage);
    if (usage === null || (usage !== undefined && usage !== 'ENCRYPT_DECRYPT')) return;
    if (offOrUnset(v.enable_key_rotation)) ctx.report({ path: ['enable_key_rotation'], messageId: isOff(v.enable_key_rotation) ? 'off' : 'unset' });
  },
});
