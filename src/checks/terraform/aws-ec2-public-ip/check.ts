import { defineCheck } from '../../define-check.js';
import { blocksAt, isOn } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0044',
    slug: 'aws-ec2-public-ip',
    title: 'EC2 instance gets a public IP address',
    severity: 'medium',
    category: 'network',
    kinds: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
    description:
      'An `aws_instance` or `aws_launch_configuration` sets `associate_public_ip_address = true`, or a `network_interfaces` block of an `aws_launch_template` does.',
    rationale:
      'A public IP puts the instance directly on the internet, one security-group mistake away from exposure of every port it listens on. Instances belong in private subnets behind a load balancer or NAT; administrators reach them through Session Manager.',
    remediation: `Launch into private subnets without a public IP and publish services through a load balancer.

\`\`\`hcl
resource "aws_instance" "app" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_88', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0009', match: 'partial' },
    ],
    messages: { public: 'associate_public_ip_address = true: the instance is reachable from the internet.' },
    examples: {
      good: `resource "aws_instance" "good" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}
`,
      bad: `resource "aws_instance" "bad" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}
`,
    },
  },
  run(obj, ctx) {
    if (isOn(obj.value.associate_public_ip_address)) ctx.report({ path: ['associate_public_ip_address'] });
    for (const ni of blocksAt(obj.value, 'network_interfaces').items) {
      if (isOn(ni.block.associate_public_ip_address)) ctx.report({ path: [...ni.path, 'associate_public_ip_address'] });
    }
  },
});
