import { defineCheck } from '../../define-check.js';
import { blocksAt, isLogBucket, linkedResources } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0008',
    slug: 'aws-s3-access-logging-disabled',
    title: 'S3 bucket server access logging is not enabled',
    severity: 'low',
    category: 'logging',
    kinds: ['aws_s3_bucket'],
    description:
      'An `aws_s3_bucket` has neither an inline `logging` block nor an `aws_s3_bucket_logging` resource. Buckets that receive logs (S3 access logs, CloudTrail, load balancer or CloudFront logs, or the `log-delivery-write` ACL) are not reported.',
    rationale:
      'Server access logs record every request to the bucket: who read or deleted which object, from where. Without them an investigation of a leak or a destructive change has no record to work from.',
    remediation: `Send access logs to a separate log bucket with an \`aws_s3_bucket_logging\` resource.

\`\`\`hcl
resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_18', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0089', match: 'partial' },
    ],
    messages: { missing: 'Bucket has no server access logging: requests to it leave no record.' },
    examples: {
      good: `resource "aws_s3_bucket" "good" {
  bucket = "example-good"
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_s3_bucket_logging" "good" {
  bucket        = aws_s3_bucket.good.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "good/"
}
`,
      bad: `resource "aws_s3_bucket" "bad" {
  bucket = "example-bad"
}
`,
    },
  },
  run(obj, ctx) {
    const inline = blocksAt(obj.value, 'logging');
    if (inline.unknown || inline.items.length > 0) return;
    const linked = linkedResources(ctx.index, 'aws_s3_bucket_logging', 'bucket', obj);
    if (linked.linked.length > 0 || linked.unsure) return;
    if (isLogBucket(ctx.index, obj)) return;
    ctx.report({ path: ['logging'] });
  },
});
