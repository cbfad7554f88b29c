import { defineCheck } from '../../define-check.js';
import { isAllow, isPublicPrincipal, resolvePolicy, statementName } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0009',
    slug: 'aws-s3-policy-public-principal',
    title: 'S3 bucket policy allows any principal',
    severity: 'high',
    category: 'storage',
    kinds: ['aws_s3_bucket_policy', 'aws_s3_bucket'],
    description:
      'A bucket policy (`aws_s3_bucket_policy` or the legacy inline `policy` of `aws_s3_bucket`) has an `Allow` statement whose principal is `*` (or `{"AWS": "*"}`) and that has no `Condition`.',
    rationale:
      'A wildcard principal without a condition grants the statement\'s actions to anyone on the internet, authenticated or not. Statements with a condition (source VPC endpoint, organisation ID, source account) are not reported: they narrow the audience.',
    remediation: `Name the principals that need access (roles, accounts, a CloudFront origin access control), or keep the wildcard only together with a condition that restricts the caller.

\`\`\`hcl
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/reader" }
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.data.arn}/*"
    }]
  })
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    ],
    peers: [{ tool: 'checkov', id: 'CKV_AWS_70', match: 'partial' }],
    messages: { public: 'Bucket policy statement {{statement}} allows {{actions}} to any principal without a condition.' },
    examples: {
      good: `resource "aws_s3_bucket_policy" "good" {
  bucket = "example-good"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::example-good/*"
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1a2b3c4d" } }
    }]
  })
}
`,
      bad: `resource "aws_s3_bucket_policy" "bad" {
  bucket = "example-bad"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::example-bad/*"
    }]
  })
}
`,
    },
  },
  run(obj, ctx) {
    const doc = resolvePolicy(ctx.index, obj.value.policy);
    if (!doc) return;
    for (const s of doc.statements) {
      if (!isAllow(s) || s.hasCondition || !isPublicPrincipal(s.principal)) continue;
      const actions = s.actions.length > 0 ? s.actions.join(', ') : s.notActions.length > 0 ? `everything except ${s.notActions.join(', ')}` : 'its actions';
      ctx.report({ path: ['policy'], data: { statement: statementName(s), actions } });
    }
  },
});
