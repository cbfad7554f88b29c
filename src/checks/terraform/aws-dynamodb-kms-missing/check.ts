import { defineCheck } from '../../define-check.js';
import { reportBlockFlagOff } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0076',
    slug: 'aws-dynamodb-kms-missing',
    title: 'DynamoDB table is not encrypted with a KMS key',
    severity: 'low',
    category: 'encryption',
    kinds: ['aws_dynamodb_table'],
    description:
      'An `aws_dynamodb_table` has no `server_side_encryption { enabled = true }`, so it uses an AWS-owned key instead of a KMS key in your account.',
    rationale:
      'Tables are always encrypted, but with an AWS-owned key you cannot see or restrict its use. A KMS key (AWS-managed or, better, customer-managed with `kms_key_arn`) puts reads of the data under a key policy and records them in CloudTrail.',
    remediation: `Enable server-side encryption with KMS, preferably with a customer-managed key.

\`\`\`hcl
resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#server_side_encryption',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_119', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0025', match: 'partial' },
    ],
    messages: {
      unset: 'Table is encrypted with an AWS-owned key only (no server_side_encryption with KMS).',
      off: 'Table sets server_side_encryption.enabled = false: it uses an AWS-owned key.',
    },
    examples: {
      good: `resource "aws_dynamodb_table" "good" {
  name     = "good"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled = true
  }
}
`,
      bad: `resource "aws_dynamodb_table" "bad" {
  name     = "bad"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
`,
    },
  },
  run(obj, ctx) {
    reportBlockFlagOff(obj, (d) => ctx.report(d), 'server_side_encryption', 'enabled');
  },
});
