import { defineCheck } from '../../define-check.js';
import { opensAllPorts, reportOpenIngress, SG_RULE_KINDS } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0015',
    slug: 'aws-sg-all-ports-open-to-world',
    title: 'Security group allows all ports from the whole internet',
    severity: 'critical',
    category: 'network',
    kinds: [...SG_RULE_KINDS],
    description:
      'A security group ingress rule opens every port (protocol `-1`/`all`, or TCP/UDP 0–65535) to `0.0.0.0/0` or `::/0`.',
    rationale:
      'An instance behind such a rule has no network filter at all: databases, admin consoles, debug ports and anything a developer starts for a minute are reachable from the internet.',
    remediation: `Open only the ports the service needs, and only to the networks that need them.

\`\`\`hcl
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.web.id
  description       = "HTTPS from anywhere"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
\`\`\``,
    references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html'],
    peers: [{ tool: 'checkov', id: 'CKV_AWS_277', match: 'same' }],
    messages: { open: 'Ingress rule opens all ports to {{cidrs}}.' },
    examples: {
      good: `resource "aws_security_group" "good" {
  name        = "good"
  description = "web"
  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
      bad: `resource "aws_security_group" "bad" {
  name        = "bad"
  description = "everything"
  ingress {
    description = "all"
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
    reportOpenIngress(obj, (d) => ctx.report(d), opensAllPorts);
  },
});
