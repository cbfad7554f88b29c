import { defineCheck } from '../../define-check.js';
import { isOff } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0037',
    slug: 'aws-rds-auto-minor-upgrade-disabled',
    title: 'RDS automatic minor version upgrades are turned off',
    severity: 'low',
    category: 'best-practice',
    kinds: ['aws_db_instance', 'aws_rds_cluster_instance'],
    description: 'An `aws_db_instance` or `aws_rds_cluster_instance` sets `auto_minor_version_upgrade = false` (the default is true).',
    rationale:
      'Minor engine versions carry the security fixes. With automatic upgrades off, instances keep running versions with known vulnerabilities until someone schedules the upgrade by hand.',
    remediation: `Leave automatic minor version upgrades on and pick a maintenance window that suits the workload.

\`\`\`hcl
resource "aws_db_instance" "orders" {
  engine                     = "postgres"
  instance_class             = "db.t4g.medium"
  auto_minor_version_upgrade = true
  maintenance_window         = "sun:04:00-sun:05:00"
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-13',
    ],
    peers: [{ tool: 'checkov', id: 'CKV_AWS_226', match: 'same' }],
    messages: { off: 'auto_minor_version_upgrade = false: security fixes in minor engine versions are not applied.' },
    examples: {
      good: `resource "aws_db_instance" "good" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}
`,
      bad: `resource "aws_db_instance" "bad" {
  engine                     = "postgres"
  instance_class             = "db.t4g.micro"
  auto_minor_version_upgrade = false
}
`,
    },
  },
  run(obj, ctx) {
    if (isOff(obj.value.auto_minor_version_upgrade)) ctx.report({ path: ['auto_minor_version_upgrade'] });
  },
});
