import { z } from 'zod';
import { defineCheck } from '../../define-check.js';
import { listOf } from '../../_lib/terraform-aws.js';

const ALL_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0058',
    slug: 'aws-eks-control-plane-logging-incomplete',
    title: 'EKS control plane logging is incomplete',
    severity: 'medium',
    category: 'logging',
    kinds: ['aws_eks_cluster'],
    description:
      'An `aws_eks_cluster` does not list every control plane log type in `enabled_cluster_log_types` (api, audit, authenticator, controllerManager, scheduler — the `required` option narrows the list). The default is none.',
    rationale:
      'The audit and authenticator logs are the only record of who did what in the cluster: which identity read secrets, created privileged pods or changed RBAC. Without them an incident in the cluster cannot be investigated.',
    remediation: `Enable the control plane log types (and set a retention on the \`/aws/eks/<cluster>/cluster\` log group).

\`\`\`hcl
resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids = aws_subnet.private[*].id
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#enabled_cluster_log_types',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_37', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0038', match: 'partial' },
    ],
    messages: { missing: 'EKS control plane logs not enabled: {{types}}.' },
    examples: {
      good: `resource "aws_eks_cluster" "good" {
  name                      = "good"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}
`,
      bad: `resource "aws_eks_cluster" "bad" {
  name                      = "bad"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api"]
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}
`,
    },
  },
  options: z
    .object({
      /** Log types that must be enabled. */
      required: z.array(z.enum(ALL_LOG_TYPES)).min(1).default([...ALL_LOG_TYPES]),
    })
    .strict(),
  run(obj, ctx) {
    const types = listOf(obj.value.enabled_cluster_log_types);
    if (types.unknown || types.items.some((t) => typeof t.value !== 'string')) return;
    const enabled = new Set(types.items.map((t) => t.value));
    const missing = ctx.options.required.filter((t) => !enabled.has(t));
    if (missing.length > 0) ctx.report({ path: ['enabled_cluster_log_types'], data: { types: missing.join(', ') } });
  },
});
