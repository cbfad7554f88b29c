import { defineCheck } from '../../define-check.js';
import { linkedResources } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0090',
    slug: 'aws-vpc-flow-logs-missing',
    title: 'VPC has no flow log',
    severity: 'medium',
    category: 'logging',
    kinds: ['aws_vpc'],
    standards: { cis: ['AWS 3.9'] },
    defaultEnabled: false,
    description:
      'An `aws_vpc` has no `aws_flow_log` whose `vpc_id` refers to it. Opt-in: the flow log is often managed in another configuration than the VPC, which a scan of one directory cannot see.',
    rationale:
      'Flow logs are the only record of which addresses talked to which, on what ports, and whether security groups accepted or rejected them. Without them, lateral movement and data exfiltration inside the VPC leave no network trace (CIS AWS 3.9).',
    remediation: `Send the VPC's flow logs to CloudWatch Logs or S3.

\`\`\`hcl
resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-6',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV2_AWS_11', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0178', match: 'same' },
    ],
    messages: {
      missing: 'VPC has no flow log: its network traffic is not recorded.',
    },
    examples: {
      good: `resource "aws_vpc" "good" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "good" {
  vpc_id          = aws_vpc.good.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::flow-logs"
}
`,
      bad: `resource "aws_vpc" "bad" {
  cidr_block = "10.0.0.0/16"
}
`,
    },
  },
  run(obj, ctx) {
    const logs = linkedResources(ctx.index, 'aws_flow_log', 'vpc_id', obj);
    if (logs.linked.length === 0 && !logs.unsure) ctx.report({ path: [] });
  },
});
