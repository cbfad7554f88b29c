import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { numOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0066',
    slug: 'aws-cloudwatch-log-retention-short',
    title: 'CloudWatch log group keeps logs for less than a year',
    severity: 'low',
    category: 'logging',
    kinds: ['aws_cloudwatch_log_group'],
    description:
      'An `aws_cloudwatch_log_group` sets `retention_in_days` to fewer than 365 days (the `minDays` option). Unset or 0 means events never expire and is not reported.',
    rationale:
      'Breaches are typically discovered months after they start. Logs deleted after a week or a month leave the investigation without the record of how the attacker got in; CIS and most audit frameworks expect at least a year of retention for security-relevant logs.',
    remediation: `Keep security-relevant logs for at least a year (archive to S3 with a lifecycle policy if CloudWatch storage cost matters).

\`\`\`hcl
resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/orders"
  retention_in_days = 365
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html#cloudwatch-16',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_338', match: 'partial' },
    ],
    messages: {
      short: 'Log group keeps events for only {{days}} days (at least {{min}} expected).',
    },
    examples: {
      good: `resource "aws_cloudwatch_log_group" "good" {
  name              = "good"
  retention_in_days = 400
}
`,
      bad: `resource "aws_cloudwatch_log_group" "bad" {
  name              = "bad"
  retention_in_days = 7
}
`,
    },
  },
  options: z
    .object({
      /** Shortest acceptable retention in days. */
      minDays: z.number().int().min(1).max(3653).default(365),
    })
    .strict(),
  run(obj, ctx) {
    const days = numOf(obj.value.retention_in_days);
    const min = ctx.options.minDays;
    if (typeof days === 'number' && days > 0 && days < min) ctx.report({ path: ['retention_in_days'], data: { days, min } });
  },
});
