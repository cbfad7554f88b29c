import type { ConfigObject } from '../../../core/config-object.js';
import type { ObjectIndex } from '../../_lib/object-index.js';
import { defineCheck } from '../../define-check.js';
import { blocksAt, bucketsOf, isOn, isPublicGranteeUri, linkedResources, PUBLIC_CANNED_ACLS, strOf } from '../../_lib/terraform-aws.js';

/**
 * A public access block with `ignore_public_acls = true` makes S3 ignore every ACL grant, so a public ACL on such a
 * bucket exposes nothing (Trivy reasons the same way).
 */
function aclsIgnored(index: ObjectIndex, bucket: ConfigObject): boolean {
  const pab = linkedResources(index, 'aws_s3_bucket_public_access_block', 'bucket', bucket).linked;
  const account = index.ofKind('aws_s3_account_public_access_block');
  return [...pab, ...account].some((b) => isOn(b.value.ignore_public_acls));
}

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0001',
    slug: 'aws-s3-public-acl',
    title: 'S3 bucket ACL grants access to everyone',
    severity: 'high',
    category: 'storage',
    kinds: ['aws_s3_bucket', 'aws_s3_bucket_acl'],
    description:
      'An S3 bucket uses a canned ACL (`public-read`, `public-read-write`, `authenticated-read`) or an explicit grant to the `AllUsers` / `AuthenticatedUsers` groups, on `aws_s3_bucket` (provider v3) or `aws_s3_bucket_acl` (v4+).',
    rationale:
      'A public ACL lets anyone on the internet (or any AWS account, for `authenticated-read`) list or read the bucket, and `public-read-write` lets them write to it. Most S3 data leaks come from exactly this setting. Buckets whose public access block sets `ignore_public_acls = true` are not reported: S3 ignores their ACLs.',
    remediation: `Use the \`private\` canned ACL (or none: new buckets enforce bucket-owner ownership and disable ACLs) and grant access through IAM or a bucket policy scoped to known principals.

\`\`\`hcl
resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "private"
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_acl',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_20', match: 'partial' },
      { tool: 'checkov', id: 'CKV_AWS_57', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0092', match: 'same' },
    ],
    messages: {
      canned: 'Bucket ACL "{{acl}}" makes the bucket readable{{write}} by {{who}}.',
      grant: 'ACL grant gives {{permission}} to the {{group}} group.',
    },
    examples: {
      good: `resource "aws_s3_bucket" "good" {
  bucket = "example-good"
}

resource "aws_s3_bucket_acl" "good" {
  bucket = aws_s3_bucket.good.id
  acl    = "private"
}
`,
      bad: `resource "aws_s3_bucket" "bad" {
  bucket = "example-bad"
}

resource "aws_s3_bucket_acl" "bad" {
  bucket = aws_s3_bucket.bad.id
  acl    = "public-read"
}
`,
    },
  },
  run(obj, ctx) {
    const buckets = obj.kind === 'aws_s3_bucket' ? [obj] : bucketsOf(ctx.index, obj);
    if (buckets.length > 0 && buckets.every((b) => aclsIgnored(ctx.index, b))) return;

    const acl = strOf(obj.value.acl);
    if (typeof acl === 'string' && PUBLIC_CANNED_ACLS.has(acl)) {
      ctx.report({
        path: ['acl'],
        messageId: 'canned',
        data: { acl, write: acl === 'public-read-write' ? ' and writable' : '', who: acl === 'authenticated-read' ? 'every AWS account' : 'everyone' },
      });
    }

    // Explicit grants: inline `grant` blocks (provider v3) or `access_control_policy.grant.grantee` (aws_s3_bucket_acl).
    const grants =
      obj.kind === 'aws_s3_bucket'
        ? blocksAt(obj.value, 'grant').items.map((g) => ({ uri: g.block.uri, uriPath: [...g.path, 'uri'], permission: g.block.permissions }))
        : blocksAt(obj.value, 'access_control_policy').items.flatMap((p) =>
            blocksAt(p.block, 'grant', p.path).items.flatMap((g) =>
              blocksAt(g.block, 'grantee', g.path).items.map((e) => ({ uri: e.block.uri, uriPath: [...e.path, 'uri'], permission: g.block.permission })),
            ),
          );
    for (const g of grants) {
      if (typeof g.uri !== 'string' || !isPublicGranteeUri(g.uri)) continue;
      const permission = Array.isArray(g.permission) ? g.permission.filter((p) => typeof p === 'string').join(', ') : typeof g.permission === 'string' ? g.permission : 'access';
      ctx.report({ path: g.uriPath, messageId: 'grant', data: { permission: permission || 'access', group: g.uri.endsWith('AllUsers') ? 'AllUsers' : 'AuthenticatedUsers' } });
    }
  },
});
