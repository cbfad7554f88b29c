import { defineCheck } from '../../define-check.js';
import { isOn } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0032',
    slug: 'aws-rds-publicly-accessible',
    title: 'RDS instance is publicly accessible',
    severity: 'high',
    category: 'network',
    kinds: ['aws_db_instance', 'aws_rds_cluster_instance'],
    description: 'An `aws_db_instance` or `aws_rds_cluster_instance` sets `publicly_accessible = true`.',
    rationale:
      'A publicly accessible instance gets an internet-resolvable DNS name and public IP: only its security group stands between the database and internet-wide password guessing and exploits. Databases belong in private subnets, reached through the application tier, a bastion or a VPN.',
    remediation: `Keep the instance private and reach it from inside the VPC.

\`\`\`hcl
resource "aws_db_instance" "orders" {
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 20
  publicly_accessible = false
  db_subnet_group_name = aws_db_subnet_group.private.name
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2',
    ],
    standards: { cis: ['AWS 2.3.3'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_17', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0180', match: 'same' },
    ],
    messages: { public: 'Database instance sets publicly_accessible = true: it gets a public endpoint.' },
    examples: {
      good: `resource "aws_db_instance" "good" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  publicly_accessible = false
}
`,
      bad: `resource "aws_db_instance" "bad" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  publicly_accessible = true
}
`,
    },
  },
  run(obj, ctx) {
    if (isOn(obj.value.publicly_accessible)) ctx.report({ path: ['publicly_accessible'] });
  },
});
