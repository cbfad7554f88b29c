import { defineCheck } from '../../define-check.js';
import { blocksAt, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0072',
    slug: 'aws-ecr-kms-missing',
    title: 'ECR repository is not encrypted with KMS',
    severity: 'low',
    category: 'encryption',
    kinds: ['aws_ecr_repository'],
    description:
      'An `aws_ecr_repository` has no `encryption_configuration { encryption_type = "KMS" }` (the default is AES256 with keys ECR manages).',
    rationale:
      'With KMS encryption, pulling image layers also requires `kms:Decrypt` under a key policy you control, and every use is recorded in CloudTrail. Images often embed configuration and proprietary code worth that extra control.',
    remediation: `Encrypt the repository with KMS, ideally a customer-managed key (encryption settings can only be chosen at creation).

\`\`\`hcl
resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ecr.arn
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#encryption_configuration',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_136', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0033', match: 'partial' },
    ],
    messages: {
      unset: 'Repository is encrypted with AES256 only (no KMS encryption_configuration).',
      aes: 'Repository encryption_type = "{{type}}": not encrypted with KMS.',
    },
    examples: {
      good: `resource "aws_ecr_repository" "good" {
  name = "good"
  encryption_configuration {
    encryption_type = "KMS"
  }
}
`,
      bad: `resource "aws_ecr_repository" "bad" {
  name = "bad"
}
`,
    },
  },
  run(obj, ctx) {
    const configs = blocksAt(obj.value, 'encryption_configuration');
    if (configs.unknown) return;
    const first = configs.items[0];
    if (!first) {
      ctx.report({ path: ['encryption_configuration', 0, 'encryption_type'], messageId: 'unset' });
      return;
    }
    const type = strOf(first.block.encryption_type);
    if (type === undefined) ctx.report({ path: [...first.path, 'encryption_type'], messageId: 'unset' });
    else if (typeof type === 'string' && !type.startsWith('KMS')) ctx.report({ path: [...first.path, 'encryption_type'], messageId: 'aes', data: { type } });
  },
});
