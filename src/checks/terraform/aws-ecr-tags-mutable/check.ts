import { defineCheck } from '../../define-check.js';
import { strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0071',
    slug: 'aws-ecr-tags-mutable',
    title: 'ECR repository allows overwriting image tags',
    severity: 'medium',
    category: 'images',
    kinds: ['aws_ecr_repository'],
    description:
      'An `aws_ecr_repository` leaves `image_tag_mutability` unset (defaults to `MUTABLE`) or sets `MUTABLE` / `MUTABLE_WITH_EXCLUSION`.',
    rationale:
      'With mutable tags, whoever can push can replace `app:1.4.2` with a different image after it was reviewed and scanned; deployments that pull by tag then run code nobody looked at. Immutable tags make a tag name one image forever.',
    remediation: `Make tags immutable (and deploy by digest where possible).

\`\`\`hcl
resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository#image_tag_mutability',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_51', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0031', match: 'same' },
    ],
    messages: {
      unset: 'Repository tags are mutable (image_tag_mutability defaults to MUTABLE).',
      mutable: 'image_tag_mutability = "{{value}}": pushed tags can be overwritten.',
    },
    examples: {
      good: `resource "aws_ecr_repository" "good" {
  name                 = "good"
  image_tag_mutability = "IMMUTABLE"
}
`,
      bad: `resource "aws_ecr_repository" "bad" {
  name                 = "bad"
  image_tag_mutability = "MUTABLE"
}
`,
    },
  },
  run(obj, ctx) {
    const value = strOf(obj.value.image_tag_mutability);
    if (value === undefined) ctx.report({ path: ['image_tag_mutability'], messageId: 'unset' });
    else if (typeof value === 'string' && value.startsWith('MUTABLE')) ctx.report({ path: ['image_tag_mutability'], messageId: 'mutable', data: { value } });
  },
});
