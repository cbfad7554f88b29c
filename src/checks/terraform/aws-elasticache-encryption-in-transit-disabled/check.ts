import { defineCheck } from '../../define-check.js';
import { isOff, offOrUnset } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0086',
    slug: 'aws-elasticache-encryption-in-transit-disabled',
    title: 'ElastiCache replication group does not encrypt traffic',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_elasticache_replication_group'],
    description:
      'An `aws_elasticache_replication_group` does not set `transit_encryption_enabled = true` (the default is false).',
    rationale:
      'Without TLS, every command, value and AUTH token between clients and the cache, and between its nodes, crosses the network in clear text. Redis AUTH and RBAC also require in-transit encryption.',
    remediation: `Enable in-transit encryption (with \`transit_encryption_mode = "preferred"\` first if existing clients must migrate).

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
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-5',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_30', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0051', match: 'same' },
    ],
    messages: {
      unset: 'Replication group does not enable in-transit encryption (defaults to false).',
      off: 'Replication group sets transit_encryption_enabled = false.',
    },
    examples: {
      good: `resource "aws_elasticache_replication_group" "good" {
  replication_group_id       = "good"
  description                = "good"
  transit_encryption_enabled = true
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
    const v = obj.value.transit_encryption_enabled;
    if (offOrUnset(v)) ctx.report({ path: ['transit_encryption_enabled'], messageId: isOff(v) ? 'off' : 'unset' });
  },
});
