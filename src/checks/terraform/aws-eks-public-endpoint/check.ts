import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0055',
    slug: 'aws-eks-public-endpoint',
    title: 'EKS API server endpoint is public',
    severity: 'medium',
    category: 'network',
    kinds: ['aws_eks_cluster'],
    description:
      'An `aws_eks_cluster` does not set `vpc_config { endpoint_public_access = false }`; the provider default is a public endpoint. aws-eks-public-endpoint-open-to-world reports public endpoints that are also open to every address.',
    rationale:
      'A public endpoint exposes the Kubernetes API server to the internet, where it is one leaked kubeconfig, token or API-server vulnerability away from cluster takeover. With a private endpoint the API is reachable only from the VPC and connected networks.',
    remediation: `Use the private endpoint (reach it through a VPN, a bastion or CI runners in the VPC); if a public endpoint is needed, restrict \`public_access_cidrs\`.

\`\`\`hcl
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
      'https://docs.aws.amazon.com/eks/latest/best-practices/control-plane.html',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_39', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0040', match: 'same' },
    ],
    messages: {
      unset: 'EKS cluster keeps the default public API endpoint (endpoint_public_access defaults to true).',
      on: 'EKS cluster sets endpoint_public_access = true: the API server is reachable from the internet.',
    },
    examples: {
      good: `resource "aws_eks_cluster" "good" {
  name     = "good"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids              = ["subnet-1", "subnet-2"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}
`,
      bad: `resource "aws_eks_cluster" "bad" {
  name     = "bad"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
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
    if (pub === true) ctx.report({ path: [...first!.path, 'endpoint_public_access'], messageId: 'on' });
    else if (pub === 'unset') ctx.report({ path: ['vpc_config', 0, 'endpoint_public_access'], messageId: 'unset' });
  },
});
