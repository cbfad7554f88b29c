import { defineCheck } from '../../define-check.js';
import { isOn } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0088',
    slug: 'aws-redshift-publicly-accessible',
    title: 'Redshift cluster is publicly accessible',
    severity: 'high',
    category: 'network',
    kinds: ['aws_redshift_cluster'],
    description:
      'An `aws_redshift_cluster` sets `publicly_accessible = true`.',
    rationale:
      'A publicly accessible cluster gets a public endpoint: the data warehouse, usually the largest concentration of company data, is then one security-group rule away from internet-wide password guessing.',
    remediation: `Keep the cluster private and reach it from inside the VPC.

\`\`\`hcl
resource "aws_redshift_cluster" "dwh" {
  cluster_identifier        = "dwh"
  node_type                 = "ra3.xlplus"
  publicly_accessible       = false
  encrypted                 = true
  cluster_subnet_group_name = aws_redshift_subnet_group.private.name
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-1',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_87', match: 'same' },
    ],
    messages: {
      public: 'Redshift cluster sets publicly_accessible = true: it gets a public endpoint.',
    },
    examples: {
      good: `resource "aws_redshift_cluster" "good" {
  cluster_identifier  = "good"
  node_type           = "ra3.xlplus"
  publicly_accessible = false
}
`,
      bad: `resource "aws_redshift_cluster" "bad" {
  cluster_identifier  = "bad"
  node_type           = "ra3.xlplus"
  publicly_accessible = true
}
`,
    },
  },
  run(obj, ctx) {
    if (isOn(obj.value.publicly_accessible)) ctx.report({ path: ['publicly_accessible'] });
  },
});
