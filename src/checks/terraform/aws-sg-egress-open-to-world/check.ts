import { defineCheck } from '../../define-check.js';
import { opensAllPorts, reportOpenIngress, SG_RULE_KINDS } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0019',
    slug: 'aws-sg-egress-open-to-world',
    title: 'Security group allows all outbound traffic to the internet',
    severity: 'low',
    category: 'network',
    kinds: [...SG_RULE_KINDS],
    description:
      'A security group egress rule allows every protocol and port to `0.0.0.0/0` or `::/0`. Egress limited to some ports (HTTPS to anywhere) is not reported.',
    rationale:
      'Unrestricted egress lets a compromised workload download tooling, reach command-and-control servers and exfiltrate data over any port. Limiting egress to the ports and destinations the workload needs (HTTPS, VPC endpoints, a proxy) makes each of those steps harder and more visible.',
    remediation: `Allow only the outbound traffic the workload needs, for example HTTPS, and reach AWS APIs through VPC endpoints.

\`\`\`hcl
resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.app.id
  description       = "HTTPS to external APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-egress-to-internet.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_382', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0104', match: 'partial' },
    ],
    messages: { open: 'Egress rule allows all traffic to {{cidrs}}.' },
    examples: {
      good: `resource "aws_security_group" "good" {
  name        = "app"
  description = "app"
  egress {
    description = "HTTPS out"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
      bad: `resource "aws_security_group" "bad" {
  name        = "app"
  description = "app"
  egress {
    description = "everything out"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
    },
  },
  run(obj, ctx) {
    reportOpenIngress(obj, (d) => ctx.report(d), opensAllPorts, 'egress');
  },
});
