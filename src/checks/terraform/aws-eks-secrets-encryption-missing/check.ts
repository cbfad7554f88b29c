import { defineCheck } from '../../define-check.js';
import { blocksAt, listOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0057',
    slug: 'aws-eks-secrets-encryption-missing',
    title: 'EKS secrets are not encrypted with a customer-managed KMS key',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_eks_cluster'],
    description:
      'An `aws_eks_cluster` has no `encryption_config` whose `resources` include `"secrets"` (with a `provider.key_arn`).',
    rationale:
      'Kubernetes Secrets hold database passwords, tokens and TLS keys. Envelope encryption with your own KMS key adds a layer you control: reading secrets from etcd or its backups also needs `kms:Decrypt`, access is logged in CloudTrail, and disabling the key revokes it. Without it, EKS relies on AWS-owned keys only.',
    remediation: `Encrypt secrets with a customer-managed KMS key.

\`\`\`hcl
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids = aws_subnet.private[*].id
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#encryption_config',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_58', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0039', match: 'partial' },
    ],
    messages: { missing: 'EKS cluster does not encrypt Kubernetes secrets with a KMS key (no encryption_config for "secrets").' },
    examples: {
      good: `resource "aws_eks_cluster" "good" {
  name     = "good"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
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
    const configs = blocksAt(obj.value, 'encryption_config');
    if (configs.unknown) return;
    for (const c of configs.items) {
      const resources = listOf(c.block.resources);
      if (resources.unknown || resources.items.some((r) => r.value === 'secrets')) return;
    }
    ctx.report({ path: ['encryption_config'] });
  },
});
