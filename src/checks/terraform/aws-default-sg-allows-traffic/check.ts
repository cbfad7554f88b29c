import { defineCheck } from '../../define-check.js';
import { blocksAt } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0017',
    slug: 'aws-default-sg-allows-traffic',
    title: 'Default security group allows traffic',
    severity: 'medium',
    category: 'network',
    kinds: ['aws_default_security_group'],
    description: 'An `aws_default_security_group` declares `ingress` or `egress` rules instead of none.',
    rationale:
      'Every ENI launched without an explicit security group lands in the VPC default group. When that group allows traffic, forgotten instances, Lambda ENIs and endpoints silently get network access. Managing the default group with no rules makes such resources unreachable until they are given a purpose-built group (CIS AWS 5.4).',
    remediation: `Manage the default security group with no rules, and attach purpose-built groups to resources.

\`\`\`hcl
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group',
    ],
    standards: { cis: ['AWS 5.4'] },
    peers: [
      { tool: 'checkov', id: 'CKV2_AWS_12', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0173', match: 'same' },
    ],
    messages: { rule: 'Default security group declares an {{direction}} rule; it should allow no traffic.' },
    examples: {
      good: `resource "aws_default_security_group" "good" {
  vpc_id = "vpc-123"
}
`,
      bad: `resource "aws_default_security_group" "bad" {
  vpc_id = "vpc-123"
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
}
`,
    },
  },
  run(obj, ctx) {
    for (const direction of ['ingress', 'egress'] as const) {
      for (const b of blocksAt(obj.value, direction).items) ctx.report({ path: b.path, data: { direction } });
    }
  },
});
