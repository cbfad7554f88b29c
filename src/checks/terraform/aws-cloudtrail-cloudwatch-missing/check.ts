import { defineCheck } from '../../define-check.js';
import { isSetString } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0053',
    slug: 'aws-cloudtrail-cloudwatch-missing',
    title: 'CloudTrail is not sent to CloudWatch Logs',
    severity: 'low',
    category: 'logging',
    kinds: ['aws_cloudtrail'],
    description: 'An `aws_cloudtrail` does not set `cloud_watch_logs_group_arn`, so its events reach only S3.',
    rationale:
      'Events in S3 are an archive; events in CloudWatch Logs can drive metric filters and alarms for root logins, IAM policy changes, disabled trails and console sign-in failures as they happen (CIS AWS 3.4 and the 4.x monitoring controls).',
    remediation: `Deliver the trail to a CloudWatch Logs group through a role CloudTrail can assume.

\`\`\`hcl
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-5',
    ],
    standards: { cis: ['AWS 3.4'] },
    peers: [
      { tool: 'checkov', id: 'CKV2_AWS_10', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0162', match: 'same' },
    ],
    messages: { missing: 'Trail does not deliver to CloudWatch Logs: no real-time alerting on its events.' },
    examples: {
      good: `resource "aws_cloudtrail" "good" {
  name                       = "good"
  s3_bucket_name             = "trail-logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail-to-logs"
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
    if (!isSetString(obj.value.cloud_watch_logs_group_arn)) ctx.report({ path: ['cloud_watch_logs_group_arn'] });
  },
});
