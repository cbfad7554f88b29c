import { defineCheck } from '../../define-check.js';
import { isOff, isSetString, offOrUnset, strOf } from '../../_lib/terraform-aws.js';

/** Engines that support IAM database authentication. */
const INSTANCE_ENGINES = new Set(['mysql', 'mariadb', 'postgres']);
const CLUSTER_ENGINES = new Set(['aurora', 'aurora-mysql', 'aurora-postgresql', 'mysql', 'postgres']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0035',
    slug: 'aws-rds-iam-auth-disabled',
    title: 'RDS IAM database authentication is not enabled',
    severity: 'low',
    category: 'iam',
    kinds: ['aws_db_instance', 'aws_rds_cluster'],
    description:
      'A MySQL, MariaDB or PostgreSQL `aws_db_instance`, or an Aurora / Multi-AZ `aws_rds_cluster`, does not set `iam_database_authentication_enabled = true`. Engines without IAM authentication (Oracle, SQL Server) and instances whose engine cannot be known are not reported; neither are read replicas, which inherit it.',
    rationale:
      'With IAM authentication, applications connect with short-lived tokens tied to their IAM role instead of long-lived database passwords stored in configuration. Access is then granted and revoked in one place and every connection is attributable.',
    remediation: `Enable IAM authentication and have applications connect with \`rds generate-db-auth-token\`.

\`\`\`hcl
resource "aws_db_instance" "orders" {
  engine                              = "postgres"
  instance_class                      = "db.t4g.medium"
  iam_database_authentication_enabled = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-10',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_161', match: 'partial' },
      { tool: 'checkov', id: 'CKV_AWS_162', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0176', match: 'partial' },
    ],
    messages: {
      unset: 'Database ({{engine}}) does not enable IAM database authentication: clients must use static passwords.',
      off: 'Database ({{engine}}) sets iam_database_authentication_enabled = false: clients must use static passwords.',
    },
    examples: {
      good: `resource "aws_db_instance" "good" {
  engine                              = "postgres"
  instance_class                      = "db.t4g.micro"
  iam_database_authentication_enabled = true
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
    const v = obj.value;
    if (isSetString(v.replicate_source_db)) return;
    const engine = strOf(v.engine);
    if (typeof engine !== 'string') return;
    const supported = obj.kind === 'aws_db_instance' ? INSTANCE_ENGINES : CLUSTER_ENGINES;
    if (!supported.has(engine)) return;
    const auth = v.iam_database_authentication_enabled;
    if (offOrUnset(auth)) ctx.report({ path: ['iam_database_authentication_enabled'], messageId: isOff(auth) ? 'off' : 'unset', data: { engine } });
  },
});
