import { defineCheck } from '../../define-check.js';
import { isOff, isSetString, offOrUnset } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0030',
    slug: 'aws-rds-storage-unencrypted',
    title: 'RDS instance storage is not encrypted',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_db_instance'],
    description:
      'An `aws_db_instance` does not set `storage_encrypted = true` (the default is false). Read replicas (`replicate_source_db`) and restores from a snapshot (`snapshot_identifier`) inherit encryption from their source and are not reported.',
    rationale:
      'Unencrypted RDS storage leaves the database files, automated backups, snapshots and replicas readable to anyone who obtains a copy, such as a snapshot shared by mistake. Encryption cannot be turned on later without a snapshot-copy-restore migration.',
    remediation: `Enable storage encryption when the instance is created (ideally with a customer-managed KMS key).

\`\`\`hcl
resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  allocated_storage = 20
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#storage_encrypted',
    ],
    standards: { cis: ['AWS 2.3.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_16', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0080', match: 'partial' },
    ],
    messages: {
      unset: 'RDS instance does not set storage_encrypted (defaults to false): data, backups and snapshots are unencrypted.',
      off: 'RDS instance sets storage_encrypted = false: data, backups and snapshots are unencrypted.',
    },
    examples: {
      good: `resource "aws_db_instance" "good" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = true
}
`,
      bad: `resource "aws_db_instance" "bad" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (isSetString(v.replicate_source_db) || isSetString(v.snapshot_identifier)) return;
    if (offOrUnset(v.storage_encrypted)) ctx.report({ path: ['storage_encrypted'], messageId: isOff(v.storage_encrypted) ? 'off' : 'unset' });
  },
});
