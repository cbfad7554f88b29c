import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf, isWorldCidr, listOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0056',
    slug: 'aws-eks-public-endpoint-open-to-world',
    title: 'EKS public API endpoint accepts every address',
    severity: 'high',
    category: 'network',
    kinds: ['aws_eks_cluster'],
    description:
      'An `aws_eks_cluster` has a public endpoint (`endpoint_public_access` true or unset) and `public_access_cidrs` is unset (defaults to `0.0.0.0/0`) or contains `0.0.0.0/0`.',
    rationale:
      'With no CIDR restriction every host on the internet can reach the API server and attempt authentication or exploit API-server vulnerabilities. Limiting the public endpoint to office, VPN and CI egress ranges removes almost all of that exposure.',
    remediation: `Restrict the public endpoint to the networks that need it (or disable it).

\`\`\`hcl
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html#modify-endpoint-access',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#public_access_cidrs',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_38', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0041', match: 'same' },
    ],
    messages: {
      unset: 'EKS public endpoint has no public_access_cidrs: it defaults to 0.0.0.0/0.',
      open: 'EKS public endpoint allows {{cidr}}.',
    },
    examples: {
      good: `resource "aws_eks_cluster" "good" {
  name     = "good"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids          = ["subnet-1", "subnet-2"]
    public_access_cidrs = ["203.0.113.0/24"]
  }
}
`,
      bad: `resource "aws_eks_cluster" "bad" {
  name     = "bad"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids          = ["subnet-1", "subnet-2"]
    public_access_cidrs = ["0.0.0.0/0"]
  }
}
`,
    },
  },
  run(obj, ctx) {
    const vpc = blocksAt(obj.value, 'vpc_config');
    if (vpc.unknown) return;
    const first = vpc.items[0];
    const pub = first ? boolOf(first.block.endpoint_public_access) : 'unset';
    if (pub === false || pub === 'unknown') return;
    if (!first) {
      ctx.report({ path: ['vpc_config', 0, 'public_access_cidrs'], messageId: 'unset' });
      return;
    }
    const cidrs = listOf(first.block.public_access_cidrs);
    if (cidrs.unknown) return;
    if (first.block.public_access_cidrs === undefined || first.block.public_access_cidrs === null) {
      ctx.report({ path: [...first.path, 'public_access_cidrs'], messageId: 'unset' });
      return;
    }
    for (const { value, index } of cidrs.items) {
      if (typeof value === 'string' && isWorldCidr(value)) {
        ctx.report({ path: index === undefined ? [...first.path, 'public_access_cidrs'] : [...first.path, 'public_access_cidrs', index], messageId: 'open', data: { cidr: value } });
      }
    }
  },
});
