import { defineCheck } from '../../define-check.js';
import { isOn, isSetString } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0038',
    slug: 'aws-rds-performance-insights-cmk-missing',
    title: 'RDS Performance Insights is not encrypted with a customer-managed key',
    severity: 'low',
    category: 'encryption',
    kinds: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster'],
    description:
      'Performance Insights is enabled (`performance_insights_enabled = true`) without `performance_insights_kms_key_id`, so its data is encrypted with the AWS-managed `aws/rds` key.',
    rationale:
      'Performance Insights stores query text, which routinely contains personal data and literals from WHERE clauses. With a customer-managed key, access to that data is governed and audited by a key policy you control and can be revoked independently of RDS permissions.',
    remediation: `Encrypt Performance Insights with a customer-managed KMS key.

\`\`\`hcl
resource "aws_db_instance" "orders" {
  engine                          = "postgres"
  instance_class                  = "db.t4g.medium"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.rds.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#performance_insights_kms_key_id',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_354', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0078', match: 'same' },
    ],
    messages: { awsManaged: 'Performance Insights is enabled without performance_insights_kms_key_id: it uses the AWS-managed key.' },
    examples: {
      good: `resource "aws_db_instance" "good" {
  engine                          = "postgres"
  instance_class                  = "db.t4g.micro"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
`,
      bad: `resource "aws_db_instance" "bad" {
  engine                       = "postgres"
  instance_class               = "db.t4g.micro"
  performance_insights_enabled = true
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (isOn(v.performance_insights_enabled) && !isSetString(v.performance_insights_kms_key_id)) {
      ctx.report({ path: ['performance_insights_kms_key_id'] });
    }
  },
});
