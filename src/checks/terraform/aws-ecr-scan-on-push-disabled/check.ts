import { defineCheck } from '../../define-check.js';
import { reportBlockFlagOff } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0070',
    slug: 'aws-ecr-scan-on-push-disabled',
    title: 'ECR repository does not scan images on push',
    severity: 'medium',
    category: 'images',
    kinds: ['aws_ecr_repository'],
    description:
      'An `aws_ecr_repository` has no `image_scanning_configuration { scan_on_push = true }` (default off). Not reported when the scan manages registry-wide scanning with `aws_ecr_registry_scanning_configuration`.',
    rationale:
      'Scan on push checks every new image for known vulnerabilities before it is deployed. Without it, images with critical CVEs reach production and nobody is told.',
    remediation: `Scan images on push (or configure enhanced scanning for the whole registry).

\`\`\`hcl
resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ecr-controls.html#ecr-1',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_163', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0030', match: 'same' },
    ],
    messages: {
      unset: 'Repository does not scan images on push.',
      off: 'Repository sets scan_on_push = false.',
    },
    examples: {
      good: `resource "aws_ecr_repository" "good" {
  name = "good"
  image_scanning_configuration {
    scan_on_push = true
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
    if (ctx.index.ofKind('aws_ecr_registry_scanning_configuration').length > 0) return;
    reportBlockFlagOff(obj, (d) => ctx.report(d), 'image_scanning_configuration', 'scan_on_push');
  },
});
