import { defineCheck } from '../../define-check.js';
import { isOff, offOrUnset, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0085',
    slug: 'aws-elasticache-encryption-at-rest-disabled',
    title: 'ElastiCache replication group is not encrypted at rest',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_elasticache_replication_group'],
    description:
      'An `aws_elasticache_replication_group` does not set `at_rest_encryption_enabled = true` (the default is false for Redis OSS; Valkey groups, encrypted by default, are only reported when it is set to false).',
    rationale:
      'Cache nodes persist data to disk for snapshots, swap and replication. Without encryption at rest those copies, which often hold sessions and personal data, are stored in clear. It can only be chosen when the group is created.',
    remediation: `Create the replication group with encryption at rest (and in transit), optionally with a customer-managed \`kms_key_id\`.

\`\`\`hcl
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#at_rest_encryption_enabled',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_29', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0045', match: 'same' },
    ],
    messages: {
      unset: 'Replication group does not enable encryption at rest (defaults to false for Redis).',
      off: 'Replication group sets at_rest_encryption_enabled = false.',
    },
    examples: {
      good: `resource "aws_elasticache_replication_group" "good" {
  replication_group_id       = "good"
  description                = "good"
  at_rest_encryption_enabled = true
}
`,
      bad: `resource "aws_elasticache_replication_group" "bad" {
  replication_group_id = "bad"
  description          = "bad"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value.at_rest_encryption_enabled;
    if (isOff(v)) ctx.report({ path: ['at_rest_encryption_enabled'], messageId: 'off' });
    else if (offOrUnset(v) && strOf(obj.value.engine) !== 'valkey' && strOf(obj.value.engine) !== null) ctx.report({ path: ['at_rest_encryption_enabled'], messageId: 'unset' });
  },
});
