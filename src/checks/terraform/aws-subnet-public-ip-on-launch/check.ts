import { defineCheck } from '../../define-check.js';
import { isOn } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0096',
    slug: 'aws-subnet-public-ip-on-launch',
    title: 'Subnet gives every instance a public IP address',
    severity: 'low',
    category: 'network',
    kinds: ['aws_subnet'],
    description:
      'An `aws_subnet` sets `map_public_ip_on_launch = true`, so every instance launched there gets a public IP unless it opts out.',
    rationale:
      'Auto-assigned public IPs put instances on the internet by default: one launched for a quick test or by an autoscaling group lands there with whatever security group it got. Public subnets should hold load balancers and NAT gateways, which do not need this setting.',
    remediation: `Turn off automatic public IPs; give public addresses explicitly (Elastic IPs, load balancers) where they are meant to exist.

\`\`\`hcl
resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = false
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html#subnet-public-ip',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_130', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0164', match: 'same' },
    ],
    messages: {
      on: 'Subnet sets map_public_ip_on_launch = true: instances launched in it get public IPs.',
    },
    examples: {
      good: `resource "aws_subnet" "good" {
  vpc_id     = "vpc-123"
  cidr_block = "10.0.1.0/24"
}
`,
      bad: `resource "aws_subnet" "bad" {
  vpc_id                  = "vpc-123"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}
`,
    },
  },
  run(obj, ctx) {
    if (isOn(obj.value.map_public_ip_on_launch)) ctx.report({ path: ['map_public_ip_on_launch'] });
  },
});
