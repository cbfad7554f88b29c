import { publicAccessBlockSettingCheck } from '../../_lib/terraform-aws.js';

export default publicAccessBlockSettingCheck({
  id: 'PAL-TF-0006',
  slug: 'aws-s3-restrict-public-buckets-disabled',
  attribute: 'restrict_public_buckets',
  title: 'S3 public access block does not restrict public buckets',
  rationale:
    'With restrict_public_buckets off, a bucket whose policy is public stays reachable by anonymous users and other accounts; turning it on limits access to AWS services and principals of the owning account.',
  effect: 'a public bucket policy still grants cross-account and anonymous access',
  peers: [
    { tool: 'checkov', id: 'CKV_AWS_56', match: 'same' },
    { tool: 'trivy', id: 'AVD-AWS-0093', match: 'partial' },
  ],
});
