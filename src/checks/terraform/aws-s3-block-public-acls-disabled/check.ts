import { publicAccessBlockSettingCheck } from '../../_lib/terraform-aws.js';

export default publicAccessBlockSettingCheck({
  id: 'PAL-TF-0003',
  slug: 'aws-s3-block-public-acls-disabled',
  attribute: 'block_public_acls',
  title: 'S3 public access block does not block public ACLs',
  rationale:
    'With block_public_acls off, a PUT that sets a public ACL on the bucket or an object succeeds, so one careless upload or tool default makes data public.',
  effect: 'new public ACLs can be put on the bucket and its objects',
  peers: [
    { tool: 'checkov', id: 'CKV_AWS_53', match: 'same' },
    { tool: 'trivy', id: 'AVD-AWS-0086', match: 'partial' },
  ],
});
