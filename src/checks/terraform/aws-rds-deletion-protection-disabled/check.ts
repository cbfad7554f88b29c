import { defineCheck } from '../../define-check.js';
import { isOff, offOrUnset } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0034',
    slug: 'aws-rds-deletion-protection-disabled',
    title: 'RDS deletion protection is not enabled',
    severity: 'medium',
    category: 'backup',
    kinds: ['aws_db_instance', 'aws_rds_cluster'],
    description: 'An `aws_db_instance` or `aws_rds_cluster` does not set `deletion_protection = true` (the default is false).',
    rationale:
      'Without deletion protection one `terraform destroy`, a renamed resource that forces replacement, or a compromised credential deletes the database in a single API call. With it, deletion first needs an explicit, reviewable change.',
    remediation: `Enable deletion protection on production databases.

\`\`\`hcl
resource "aws_rds_cluster" "orders" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  deletion_protection = true
  storage_encrypted   = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-8',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_293', match: 'same' },
      { tool: 'checkov', id: 'CKV_AWS_139', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0177', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0343', match: 'partial' },
    ],
    messages: {
      unset: 'Database does not set deletion_protection (defaults to false): one API call deletes it.',
      off: 'Database sets deletion_protection = false: one API call deletes it.',
    },
    examples: {
      good: `resource "aws_db_instance" "good" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  deletion_protection = true
}
`,
      bad: `resource "aws_db_instance" "bad" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value.deletion_protection;
    if (offOrUnset(v)) ctx.report({ path: ['deletion_protection'], messageId: isOff(v) ? 'off' : 'unset' });
  },
});
