import { publicAccessBlockSettingCheck } from '../../_lib/terraform-aws.js';

export default publicAccessBlockSettingCheck({
  id: 'PAL-TF-0004',
  slug: 'aws-s3-block-public-policy-disabled',
  attribute: 'block_public_policy',
  title: 'S3 public access block does not block public bucket policies',
  rationale:
    'With block_public_policy off, S3 accepts a bucket policy that grants access to everyone, the most common way buckets end up publicly readable.',
  effect: 'a bucket policy granting public access can be attached',
  peers: [
    { tool: 'checkov', id: 'CKV_AWS_54', match: 'same' },
    { tool: 'trivy', id: 'AVD-AWS-0087', match: 'partial' },
  ],
});
