import { defineCheck } from '../../define-check.js';
import { isObj, linkedResources, resolvePolicy, type PolicyStatement } from '../../_lib/terraform-aws.js';

/** A `Deny` that fires on plain-HTTP requests: `Bool`/`BoolIfExists` `aws:SecureTransport = false`. */
function deniesInsecureTransport(s: PolicyStatement): boolean {
  if (s.effect !== 'Deny' || !s.condition) return false;
  for (const op of ['Bool', 'BoolIfExists']) {
    const block = s.condition[op];
    if (!isObj(block)) continue;
    for (const [key, val] of Object.entries(block)) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      const values = Array.isArray(val) ? val : [val];
      if (values.some((x) => x === false || (typeof x === 'string' && x.toLowerCase() === 'false'))) return true;
    }
  }
  return false;
}

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0011',
    slug: 'aws-s3-tls-not-enforced',
    title: 'S3 bucket policy does not deny plain-HTTP requests',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_s3_bucket'],
    defaultEnabled: false,
    description:
      'Neither the bucket\'s `aws_s3_bucket_policy` nor its inline `policy` has a `Deny` statement conditioned on `aws:SecureTransport = false`. Policies built with `data "aws_iam_policy_document"` are read. Opt-in: it needs the bucket policy in the same scan.',
    rationale:
      'S3 answers plain HTTP as well as HTTPS. Unless the bucket policy denies requests made without TLS, a misconfigured client sends credentials-signed requests and data in clear text (CIS AWS Foundations 2.1.1).',
    remediation: `Add a statement that denies every request made without TLS.

\`\`\`hcl
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
      'https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule',
    ],
    peers: [],
    messages: {
      noPolicy: 'Bucket has no bucket policy denying requests without TLS (aws:SecureTransport = false).',
      noDeny: 'Bucket policy has no statement denying requests without TLS (aws:SecureTransport = false).',
    },
    examples: {
      good: `resource "aws_s3_bucket" "good" {
  bucket = "example-good"
}

resource "aws_s3_bucket_policy" "good" {
  bucket = aws_s3_bucket.good.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::example-good", "arn:aws:s3:::example-good/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`,
      bad: `resource "aws_s3_bucket" "bad" {
  bucket = "example-bad"
}
`,
    },
  },
  run(obj, ctx) {
    const linked = linkedResources(ctx.index, 'aws_s3_bucket_policy', 'bucket', obj);
    if (linked.unsure) return;
    const raw = [...(obj.value.policy === undefined || obj.value.policy === null ? [] : [obj.value.policy]), ...linked.linked.map((p) => p.value.policy)];
    if (raw.length === 0) {
      ctx.report({ path: ['policy'], messageId: 'noPolicy' });
      return;
    }
    const docs = raw.map((r) => resolvePolicy(ctx.index, r));
    // A policy we cannot read (an unknown, a merged data source document) may hold the deny: cannot tell.
    if (docs.some((d) => d === undefined)) return;
    if (docs.some((d) => d!.statements.some(deniesInsecureTransport))) return;
    ctx.report({ path: ['policy'], messageId: 'noDeny' });
  },
});
