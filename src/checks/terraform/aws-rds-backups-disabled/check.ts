import { defineCheck } from '../../define-check.js';
import { isSetString, numOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0033',
    slug: 'aws-rds-backups-disabled',
    title: 'RDS automated backups are disabled',
    severity: 'medium',
    category: 'backup',
    kinds: ['aws_db_instance', 'aws_rds_cluster'],
    description:
      'An `aws_db_instance` or `aws_rds_cluster` sets `backup_retention_period = 0`, which turns automated backups and point-in-time recovery off. Read replicas (`replicate_source_db`), which may not keep backups of their own, are not reported; unset keeps the AWS default of one day.',
    rationale:
      'With retention 0 there are no automated snapshots and no point-in-time restore: a dropped table, a bad migration or ransomware inside the database cannot be undone.',
    remediation: `Keep automated backups for as long as you may need to restore (1–35 days).

\`\`\`hcl
resource "aws_db_instance" "orders" {
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  backup_retention_period = 14
  backup_window           = "03:00-04:00"
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-11',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_133', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0077', match: 'partial' },
    ],
    messages: { disabled: 'backup_retention_period = 0 disables automated backups and point-in-time recovery.' },
    examples: {
      good: `resource "aws_db_instance" "good" {
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  backup_retention_period = 7
}
`,
      bad: `resource "aws_db_instance" "bad" {
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  backup_retention_period = 0
}
`,
    },
  },
  run(obj, ctx) {
    if (isSetString(obj.value.replicate_source_db)) return;
    if (numOf(obj.value.backup_retention_period) === 0) ctx.report({ path: ['backup_retention_period'] });
  },
});
