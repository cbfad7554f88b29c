import { defineCheck } from '../../define-check.js';
import { blocksAt, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0095',
    slug: 'aws-cloudfront-http-allowed',
    title: 'CloudFront distribution serves viewers over plain HTTP',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_cloudfront_distribution'],
    description:
      'The `default_cache_behavior` or an `ordered_cache_behavior` of an `aws_cloudfront_distribution` sets `viewer_protocol_policy = "allow-all"`.',
    rationale:
      'With allow-all, viewers can fetch the site over HTTP, where cookies and tokens travel in clear text and responses can be altered in transit. `redirect-to-https` or `https-only` make every viewer connection encrypted.',
    remediation: `Redirect viewers to HTTPS (or accept HTTPS only).

\`\`\`hcl
resource "aws_cloudfront_distribution" "site" {
  enabled = true

  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  # origin, restrictions and viewer_certificate omitted
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-3',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_34', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0012', match: 'same' },
    ],
    messages: {
      allowAll: 'Cache behavior {{behavior}} allows viewers over plain HTTP (viewer_protocol_policy = "allow-all").',
    },
    examples: {
      good: `resource "aws_cloudfront_distribution" "good" {
  enabled = true
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
}
`,
      bad: `resource "aws_cloudfront_distribution" "bad" {
  enabled = true
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
}
`,
    },
  },
  run(obj, ctx) {
    for (const name of ['default_cache_behavior', 'ordered_cache_behavior'] as const) {
      for (const b of blocksAt(obj.value, name).items) {
        if (strOf(b.block.viewer_protocol_policy) !== 'allow-all') continue;
        const pattern = strOf(b.block.path_pattern);
        ctx.report({ path: [...b.path, 'viewer_protocol_policy'], data: { behavior: typeof pattern === 'string' ? `"${pattern}"` : 'default' } });
      }
    }
  },
});
