import { defineCheck } from '../../define-check.js';
import { isOff, isSetString } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0078',
    slug: 'aws-sqs-queue-unencrypted',
    title: 'SQS queue encryption is switched off',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_sqs_queue'],
    description:
      'An `aws_sqs_queue` sets `sqs_managed_sse_enabled = false` and no `kms_master_key_id`, so messages are stored unencrypted. Unset is not reported: SQS encrypts new queues with SSE-SQS by default.',
    rationale:
      'Queue messages carry orders, events and personal data. Turning off server-side encryption leaves them unencrypted at rest for as long as they wait in the queue or its dead-letter queue.',
    remediation: `Keep SSE-SQS on, or encrypt with a KMS key you manage.

\`\`\`hcl
resource "aws_sqs_queue" "orders" {
  name                              = "orders"
  kms_master_key_id                 = aws_kms_key.sqs.arn
  kms_data_key_reuse_period_seconds = 300
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html#sqs-1',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_27', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0096', match: 'partial' },
    ],
    messages: {
      off: 'Queue sets sqs_managed_sse_enabled = false without a KMS key: messages are stored unencrypted.',
    },
    examples: {
      good: `resource "aws_sqs_queue" "good" {
  name                    = "good"
  sqs_managed_sse_enabled = true
}
`,
      bad: `resource "aws_sqs_queue" "bad" {
  name                    = "bad"
  sqs_managed_sse_enabled = false
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (isOff(v.sqs_managed_sse_enabled) && !isSetString(v.kms_master_key_id)) ctx.report({ path: ['sqs_managed_sse_enabled'] });
  },
});
