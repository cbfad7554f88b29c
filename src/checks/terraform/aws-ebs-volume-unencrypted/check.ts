import { defineCheck } from '../../define-check.js';
import { ebsEncryptedByDefault, isOff, isSetString, offOrUnset } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0040',
    slug: 'aws-ebs-volume-unencrypted',
    title: 'EBS volume is not encrypted',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_ebs_volume'],
    description:
      'An `aws_ebs_volume` does not set `encrypted = true`. Volumes created from a snapshot (which inherit its encryption) are not reported, nor are any volumes when the scan enables `aws_ebs_encryption_by_default`.',
    rationale:
      'An unencrypted volume, and every snapshot taken from it, is readable by anyone who can attach or copy it, including through a snapshot shared with the wrong account. Encryption has no performance cost on current instance types.',
    remediation: `Encrypt the volume, or enable EBS encryption by default for the account.

\`\`\`hcl
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume#encrypted',
    ],
    standards: { cis: ['AWS 2.2.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_3', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0026', match: 'same' },
    ],
    messages: {
      unset: 'EBS volume does not set encrypted = true: its data and snapshots are unencrypted.',
      off: 'EBS volume sets encrypted = false: its data and snapshots are unencrypted.',
    },
    examples: {
      good: `resource "aws_ebs_volume" "good" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}
`,
      bad: `resource "aws_ebs_volume" "bad" {
  availability_zone = "eu-west-1a"
  size              = 10
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (isSetString(v.snapshot_id) || ebsEncryptedByDefault(ctx.index)) return;
    if (offOrUnset(v.encrypted)) ctx.report({ path: ['encrypted'], messageId: isOff(v.encrypted) ? 'off' : 'unset' });
  },
});
