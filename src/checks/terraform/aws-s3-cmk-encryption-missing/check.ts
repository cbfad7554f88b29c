import type { DataPath } from '../../../core/location.js';
import { defineCheck, type ReportDescriptor } from '../../define-check.js';
import { blocksAt, isSetString, linkedResources, strOf, type Obj } from '../../_lib/terraform-aws.js';

const KMS_ALGORITHMS = new Set(['aws:kms', 'aws:kms:dsse']);

/** Judges the `rule` blocks of an encryption configuration (inline on the bucket or in the separate resource). */
function judgeRules(config: Obj, base: DataPath, report: (d: ReportDescriptor) => void): void {
  const rules = blocksAt(config, 'rule', base);
  if (rules.unknown) return;
  for (const r of rules.items) {
    const defaults = blocksAt(r.block, 'apply_server_side_encryption_by_default', r.path);
    if (defaults.unknown) continue;
    for (const d of defaults.items) {
      const algorithm = strOf(d.block.sse_algorithm);
      if (algorithm === null || algorithm === undefined) continue;
      if (!KMS_ALGORITHMS.has(algorithm)) report({ path: [...d.path, 'sse_algorithm'], messageId: 'algorithm', data: { algorithm } });
      else if (!isSetString(d.block.kms_master_key_id)) report({ path: [...d.path, 'kms_master_key_id'], messageId: 'awsManaged' });
    }
  }
}

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0010',
    slug: 'aws-s3-cmk-encryption-missing',
    title: 'S3 bucket is not encrypted with a customer-managed KMS key',
    severity: 'low',
    category: 'encryption',
    kinds: ['aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration'],
    defaultEnabled: false,
    description:
      'A bucket\'s default encryption is SSE-S3 (the AWS default since 2023), or SSE-KMS with the AWS-managed `aws/s3` key, instead of SSE-KMS with a customer-managed key (`kms_master_key_id`). Opt-in: SSE-S3 already encrypts at rest.',
    rationale:
      'Every bucket is encrypted at rest today, but with SSE-S3 anyone who can read the object can decrypt it. A customer-managed key adds a second, separately audited permission (`kms:Decrypt`), lets you revoke access to all data at once by disabling the key, and records every decryption in CloudTrail. Regulated data often requires it.',
    remediation: `Encrypt by default with SSE-KMS and a customer-managed key (enable the bucket key to cut KMS request costs).

\`\`\`hcl
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_145', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0132', match: 'partial' },
    ],
    messages: {
      missing: 'Bucket has no default encryption configuration: objects get SSE-S3, not a customer-managed KMS key.',
      algorithm: 'Default encryption uses {{algorithm}}, not SSE-KMS with a customer-managed key.',
      awsManaged: 'SSE-KMS without kms_master_key_id uses the AWS-managed aws/s3 key, not a customer-managed key.',
    },
    examples: {
      good: `resource "aws_s3_bucket" "good" {
  bucket = "example-good"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "good" {
  bucket = aws_s3_bucket.good.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}
`,
      bad: `resource "aws_s3_bucket" "bad" {
  bucket = "example-bad"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "bad" {
  bucket = aws_s3_bucket.bad.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
`,
    },
  },
  run(obj, ctx) {
    const report = (d: ReportDescriptor): void => ctx.report(d);
    if (obj.kind === 'aws_s3_bucket_server_side_encryption_configuration') {
      judgeRules(obj.value, [], report);
      return;
    }
    const linked = linkedResources(ctx.index, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket', obj);
    if (linked.linked.length > 0 || linked.unsure) return;
    const inline = blocksAt(obj.value, 'server_side_encryption_configuration');
    if (inline.unknown) return;
    if (inline.items.length === 0) {
      ctx.report({ path: ['server_side_encryption_configuration'], messageId: 'missing' });
      return;
    }
    for (const c of inline.items) judgeRules(c.block, c.path, report);
  },
});
