import { defineCheck } from '../../define-check.js';
import { isSetString } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0079',
    slug: 'aws-sns-topic-unencrypted',
    title: 'SNS topic is not encrypted',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_sns_topic'],
    description:
      'An `aws_sns_topic` does not set `kms_master_key_id`; SNS does not encrypt topics by default.',
    rationale:
      'Messages published to an unencrypted topic are stored in clear text until delivered. Server-side encryption with KMS protects them at rest and puts publishing and reading under a key policy.',
    remediation: `Encrypt the topic with KMS (\`alias/aws/sns\` or, better, a customer-managed key whose policy allows the publishing services).

\`\`\`hcl
resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.sns.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic#kms_master_key_id',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_26', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0095', match: 'same' },
    ],
    messages: {
      missing: 'Topic does not set kms_master_key_id: messages are stored unencrypted.',
    },
    examples: {
      good: `resource "aws_sns_topic" "good" {
  name              = "good"
  kms_master_key_id = "alias/aws/sns"
}
`,
      bad: `resource "aws_sns_topic" "bad" {
  name = "bad"
}
`,
    },
  },
  run(obj, ctx) {
    if (!isSetString(obj.value.kms_master_key_id)) ctx.report({ path: ['kms_master_key_id'] });
  },
});
