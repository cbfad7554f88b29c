import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf, linkedResources, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0007',
    slug: 'aws-s3-versioning-disabled',
    title: 'S3 bucket versioning is not enabled',
    severity: 'medium',
    category: 'backup',
    kinds: ['aws_s3_bucket', 'aws_s3_bucket_versioning'],
    description:
      'An `aws_s3_bucket` neither enables inline `versioning` nor has an `aws_s3_bucket_versioning` resource, or an `aws_s3_bucket_versioning` sets its status to `Suspended` / `Disabled`.',
    rationale:
      'Without versioning an overwrite or delete is final: a buggy job, a compromised key or ransomware that rewrites objects destroys the data. Versioning keeps prior versions so they can be restored, and is the prerequisite for MFA delete, Object Lock and replication.',
    remediation: `Enable versioning with an \`aws_s3_bucket_versioning\` resource (provider v4+), and expire old versions with a lifecycle rule if storage cost matters.

\`\`\`hcl
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_21', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0090', match: 'same' },
    ],
    messages: {
      missing: 'Bucket does not enable versioning: overwritten or deleted objects cannot be recovered.',
      off: 'Bucket sets versioning.enabled = false: overwritten or deleted objects cannot be recovered.',
      status: 'Versioning status is "{{status}}": new writes are not versioned.',
    },
    examples: {
      good: `resource "aws_s3_bucket" "good" {
  bucket = "example-good"
}

resource "aws_s3_bucket_versioning" "good" {
  bucket = aws_s3_bucket.good.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
      bad: `resource "aws_s3_bucket" "bad" {
  bucket = "example-bad"
}
`,
    },
  },
  run(obj, ctx) {
    if (obj.kind === 'aws_s3_bucket_versioning') {
      for (const c of blocksAt(obj.value, 'versioning_configuration').items) {
        const status = strOf(c.block.status);
        if (typeof status === 'string' && status !== 'Enabled') ctx.report({ path: [...c.path, 'status'], messageId: 'status', data: { status } });
      }
      return;
    }
    // A versioning resource for this bucket decides (it is judged on its own), whatever the legacy inline block says.
    const linked = linkedResources(ctx.index, 'aws_s3_bucket_versioning', 'bucket', obj);
    if (linked.linked.length > 0 || linked.unsure) return;
    const inline = blocksAt(obj.value, 'versioning');
    if (inline.unknown) return;
    const states = inline.items.map((b) => boolOf(b.block.enabled));
    if (states.some((s) => s === true || s === 'unknown')) return;
    ctx.report({ path: ['versioning', 0, 'enabled'], messageId: states.includes(false) ? 'off' : 'missing' });
  },
});
