import { defineCheck } from '../../define-check.js';
import { isSetString } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0052',
    slug: 'aws-cloudtrail-kms-missing',
    title: 'CloudTrail logs are not encrypted with a KMS key',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_cloudtrail'],
    description: 'An `aws_cloudtrail` does not set `kms_key_id`, so log files are encrypted only with SSE-S3.',
    rationale:
      'Trail logs describe everything done in the account. With SSE-KMS, reading them needs `kms:Decrypt` on a key you control in addition to S3 read access, so a mis-shared log bucket does not expose them, and every read is itself logged (CIS AWS 3.7).',
    remediation: `Encrypt the trail with a customer-managed KMS key whose policy lets CloudTrail encrypt and your auditors decrypt.

\`\`\`hcl
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
  kms_key_id            = aws_kms_key.trail.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-2',
    ],
    standards: { cis: ['AWS 3.7'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_35', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0015', match: 'same' },
    ],
    messages: { missing: 'Trail does not set kms_key_id: log files are not encrypted with a KMS key.' },
    examples: {
      good: `resource "aws_cloudtrail" "good" {
  name           = "good"
  s3_bucket_name = "trail-logs"
  kms_key_id     = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
      bad: `resource "aws_cloudtrail" "bad" {
  name           = "bad"
  s3_bucket_name = "trail-logs"
}
`,
    },
  },
  run(obj, ctx) {
    if (!isSetString(obj.value.kms_key_id)) ctx.report({ path: ['kms_key_id'] });
  },
});
