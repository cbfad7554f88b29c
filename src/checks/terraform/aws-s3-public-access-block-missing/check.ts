import { defineCheck } from '../../define-check.js';
import { linkedResources } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0002',
    slug: 'aws-s3-public-access-block-missing',
    title: 'S3 bucket without a public access block in code',
    severity: 'low',
    category: 'storage',
    kinds: ['aws_s3_bucket'],
    description:
      'An `aws_s3_bucket` has no `aws_s3_bucket_public_access_block` (linked by reference or by bucket name), and the configuration declares no account-wide `aws_s3_account_public_access_block`.',
    rationale:
      'S3 Block Public Access is the switch that overrides any public ACL or bucket policy. AWS turns it on for buckets created since April 2023, but a bucket that does not declare it in code can have it switched off in the console without review, and older buckets never had it. Declaring the block makes the protection part of the reviewed configuration.',
    remediation: `Add a public access block for the bucket (or one \`aws_s3_account_public_access_block\` for the whole account) with all four settings on.

\`\`\`hcl
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV2_AWS_6', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0094', match: 'same' },
    ],
    messages: { missing: 'Bucket has no public access block; nothing in code prevents public ACLs or policies.' },
    examples: {
      good: `resource "aws_s3_bucket" "good" {
  bucket = "example-good"
}

resource "aws_s3_bucket_public_access_block" "good" {
  bucket                  = aws_s3_bucket.good.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
      bad: `resource "aws_s3_bucket" "bad" {
  bucket = "example-bad"
}
`,
    },
  },
  run(obj, ctx) {
    if (ctx.index.ofKind('aws_s3_account_public_access_block').length > 0) return;
    const pab = linkedResources(ctx.index, 'aws_s3_bucket_public_access_block', 'bucket', obj);
    if (pab.linked.length > 0 || pab.unsure) return;
    ctx.report({ path: [] });
  },
});
