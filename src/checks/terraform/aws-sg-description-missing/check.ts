import { defineCheck } from '../../define-check.js';
import { securityGroupRules, strOf } from '../../_lib/terraform-aws.js';

const TERRAFORM_DEFAULT = 'Managed by Terraform';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0018',
    slug: 'aws-sg-description-missing',
    title: 'Security group or rule has no description',
    severity: 'low',
    category: 'best-practice',
    kinds: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'],
    description:
      'An `aws_security_group` keeps the provider\'s default description ("Managed by Terraform"), or one of its rules (inline, `aws_security_group_rule`, `aws_vpc_security_group_*_rule`) has no `description`.',
    rationale:
      'Firewall reviews ask one question per rule: why is this open? A rule without a description cannot be audited or safely removed, so stale openings accumulate.',
    remediation: `Describe the group and every rule: who connects, and why.

\`\`\`hcl
resource "aws_security_group" "db" {
  name        = "db"
  description = "PostgreSQL for the orders service"
  vpc_id      = aws_vpc.main.id

  ingress {
    description     = "PostgreSQL from the orders API"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.orders_api.id]
  }
}
\`\`\``,
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_23', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0124', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0099', match: 'partial' },
    ],
    messages: {
      group: 'Security group has no description of its own (the provider writes "Managed by Terraform").',
      rule: 'Security group {{direction}} rule has no description.',
    },
    examples: {
      good: `resource "aws_security_group" "good" {
  name        = "web"
  description = "Public web tier"
  ingress {
    description = "HTTPS from anywhere"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
      bad: `resource "aws_security_group" "bad" {
  name = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
    },
  },
  run(obj, ctx) {
    if (obj.kind === 'aws_security_group') {
      const d = strOf(obj.value.description);
      if (d === undefined || (typeof d === 'string' && (d.trim() === '' || d === TERRAFORM_DEFAULT))) ctx.report({ path: ['description'], messageId: 'group' });
    }
    for (const rule of securityGroupRules(obj)) {
      if (!rule.hasDescription) ctx.report({ path: rule.descriptionPath, messageId: 'rule', data: { direction: rule.direction } });
    }
  },
});
