import { defineCheck } from '../../define-check.js';
import { reportBlockFlagOff } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0075',
    slug: 'aws-dynamodb-pitr-disabled',
    title: 'DynamoDB point-in-time recovery is not enabled',
    severity: 'medium',
    category: 'backup',
    kinds: ['aws_dynamodb_table'],
    description:
      'An `aws_dynamodb_table` has no `point_in_time_recovery { enabled = true }` (default off).',
    rationale:
      'Point-in-time recovery keeps continuous backups for 35 days, so a buggy deploy, a bad script or a malicious delete can be rolled back to any second. Without it a table has only the on-demand backups someone remembered to take.',
    remediation: `Enable point-in-time recovery.

\`\`\`hcl
resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/dynamodb-controls.html#dynamodb-2',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_28', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0024', match: 'same' },
    ],
    messages: {
      unset: 'Table has no point-in-time recovery: deleted or overwritten items cannot be restored.',
      off: 'Table sets point_in_time_recovery.enabled = false.',
    },
    examples: {
      good: `resource "aws_dynamodb_table" "good" {
  name     = "good"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
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
    reportBlockFlagOff(obj, (d) => ctx.report(d), 'point_in_time_recovery', 'enabled');
  },
});
