import { defineCheck } from '../../define-check.js';
import { isOff, offOrUnset } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0051',
    slug: 'aws-cloudtrail-log-validation-disabled',
    title: 'CloudTrail log file validation is not enabled',
    severity: 'medium',
    category: 'logging',
    kinds: ['aws_cloudtrail'],
    description: 'An `aws_cloudtrail` does not set `enable_log_file_validation = true` (the default is false).',
    rationale:
      'Validation writes signed digest files, so tampering with or deleting log files after delivery can be proven. Without it, an intruder who reaches the log bucket can edit the record of what they did and nobody can tell (CIS AWS 3.2).',
    remediation: `Enable log file validation.

\`\`\`hcl
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-4',
    ],
    standards: { cis: ['AWS 3.2'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_36', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0016', match: 'same' },
    ],
    messages: {
      unset: 'Trail does not enable log file validation: altered or deleted log files go unnoticed.',
      off: 'Trail sets enable_log_file_validation = false: altered or deleted log files go unnoticed.',
    },
    examples: {
      good: `resource "aws_cloudtrail" "good" {
  name                       = "good"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = true
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
    const v = obj.value.enable_log_file_validation;
    if (offOrUnset(v)) ctx.report({ path: ['enable_log_file_validation'], messageId: isOff(v) ? 'off' : 'unset' });
  },
});
