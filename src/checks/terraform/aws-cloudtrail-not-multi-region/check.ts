import { defineCheck } from '../../define-check.js';
import { isOff, offOrUnset } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0050',
    slug: 'aws-cloudtrail-not-multi-region',
    title: 'CloudTrail trail covers only one region',
    severity: 'medium',
    category: 'logging',
    kinds: ['aws_cloudtrail'],
    description: 'An `aws_cloudtrail` does not set `is_multi_region_trail = true` (the default is false).',
    rationale:
      'Attackers with stolen keys favour regions nobody watches: they launch instances or create resources there precisely because single-region trails miss them. A multi-region trail records API activity in every region, including ones enabled later (CIS AWS 3.1).',
    remediation: `Make the trail multi-region (global service events stay on by default).

\`\`\`hcl
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-1',
    ],
    standards: { cis: ['AWS 3.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_67', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0014', match: 'same' },
    ],
    messages: {
      unset: 'Trail does not set is_multi_region_trail: activity in other regions is not recorded.',
      off: 'Trail sets is_multi_region_trail = false: activity in other regions is not recorded.',
    },
    examples: {
      good: `resource "aws_cloudtrail" "good" {
  name                  = "good"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true
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
    const v = obj.value.is_multi_region_trail;
    if (offOrUnset(v)) ctx.report({ path: ['is_multi_region_trail'], messageId: isOff(v) ? 'off' : 'unset' });
  },
});
