import { defineCheck } from '../../define-check.js';
import { isOff, isSetString, offOrUnset, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0031',
    slug: 'aws-rds-cluster-storage-unencrypted',
    title: 'RDS / Aurora cluster storage is not encrypted',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'],
    description:
      'An `aws_rds_cluster` (Aurora or Multi-AZ cluster), `aws_docdb_cluster` or `aws_neptune_cluster` does not set `storage_encrypted = true` (default false). Aurora Serverless v1 clusters (`engine_mode = "serverless"`, always encrypted), clusters restored from a snapshot and cross-region replicas (`replication_source_identifier`) are not reported.',
    rationale:
      'An unencrypted cluster leaves its volume, automated backups and snapshots readable to whoever gets a copy. Encryption can only be chosen when the cluster is created.',
    remediation: `Create the cluster with storage encryption (ideally with a customer-managed KMS key).

\`\`\`hcl
resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  master_username    = "orders"
  manage_master_user_password = true
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.rds.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#storage_encrypted',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_96', match: 'same' },
      { tool: 'checkov', id: 'CKV_AWS_74', match: 'partial' },
      { tool: 'checkov', id: 'CKV_AWS_44', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0079', match: 'partial' },
    ],
    messages: {
      unset: 'Cluster does not set storage_encrypted (defaults to false): its volume, backups and snapshots are unencrypted.',
      off: 'Cluster sets storage_encrypted = false: its volume, backups and snapshots are unencrypted.',
    },
    examples: {
      good: `resource "aws_rds_cluster" "good" {
  engine            = "aurora-mysql"
  storage_encrypted = true
}
`,
      bad: `resource "aws_rds_cluster" "bad" {
  engine = "aurora-mysql"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (strOf(v.engine_mode) === 'serverless') return;
    if (isSetString(v.snapshot_identifier) || isSetString(v.replication_source_identifier)) return;
    if (offOrUnset(v.storage_encrypted)) ctx.report({ path: ['storage_encrypted'], messageId: isOff(v.storage_encrypted) ? 'off' : 'unset' });
  },
});
