import { defineCheck } from '../../define-check.js';
import { blocksAt, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0043',
    slug: 'aws-ec2-imdsv2-not-required',
    title: 'EC2 instance metadata service allows IMDSv1',
    severity: 'high',
    category: 'network',
    kinds: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
    description:
      'An `aws_instance`, `aws_launch_template` or `aws_launch_configuration` does not set `metadata_options { http_tokens = "required" }` (the provider default is `optional`, which keeps IMDSv1 on), unless the metadata endpoint is disabled.',
    rationale:
      'IMDSv1 answers any GET to 169.254.169.254, so a server-side request forgery in the application hands the instance role\'s credentials to the attacker (the Capital One breach). IMDSv2 requires a session token obtained with a PUT and a hop limit, which SSRF cannot provide.',
    remediation: `Require IMDSv2 session tokens.

\`\`\`hcl
resource "aws_launch_template" "app" {
  image_id = data.aws_ami.al2023.id

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
      'https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service/',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_79', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0028', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0130', match: 'same' },
    ],
    messages: {
      unset: 'Instance metadata service does not require tokens (http_tokens defaults to "optional"): IMDSv1 stays on.',
      optional: 'metadata_options.http_tokens = "{{tokens}}": IMDSv1 stays on.',
    },
    examples: {
      good: `resource "aws_instance" "good" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}
`,
      bad: `resource "aws_instance" "bad" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
`,
    },
  },
  run(obj, ctx) {
    const opts = blocksAt(obj.value, 'metadata_options');
    if (opts.unknown) return;
    const first = opts.items[0];
    if (!first) {
      ctx.report({ path: ['metadata_options', 0, 'http_tokens'], messageId: 'unset' });
      return;
    }
    const endpoint = strOf(first.block.http_endpoint);
    if (endpoint === 'disabled' || endpoint === null) return;
    const tokens = strOf(first.block.http_tokens);
    if (tokens === null || tokens === 'required') return;
    if (tokens === undefined) ctx.report({ path: [...first.path, 'http_tokens'], messageId: 'unset' });
    else ctx.report({ path: [...first.path, 'http_tokens'], messageId: 'optional', data: { tokens } });
  },
});
