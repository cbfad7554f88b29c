import { defineCheck } from '../../define-check.js';
import { isSetString } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0065',
    slug: 'aws-cloudwatch-log-group-kms-missing',
    title: 'CloudWatch log group is not encrypted with a KMS key',
    severity: 'low',
    category: 'encryption',
    kinds: ['aws_cloudwatch_log_group'],
    description:
      'An `aws_cloudwatch_log_group` does not set `kms_key_id`, so its events are encrypted only with keys CloudWatch Logs manages.',
    rationale:
      'Application logs collect tokens, personal data and stack traces with secrets in them. With a customer-managed KMS key, reading the logs also needs `kms:Decrypt` under a key policy you control, every decryption is audited, and disabling the key makes the data unreadable.',
    remediation: `Encrypt the log group with a customer-managed KMS key whose policy allows the \`logs.<region>.amazonaws.com\` service principal.

\`\`\`hcl
resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/orders"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#kms_key_id',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_158', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0017', match: 'same' },
    ],
    messages: {
      missing: 'Log group does not set kms_key_id: its events are not encrypted with a customer-managed key.',
    },
    examples: {
      good: `resource "aws_cloudwatch_log_group" "good" {
  name       = "good"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
      bad: `resource "aws_cloudwatch_log_group" "bad" {
  name = "bad"
}
`,
    },
  },
  run(obj, ctx) {
    if (!isSetString(obj.value.kms_key_id)) ctx.report({ path: ['kms_key_id'] });
  },
});
