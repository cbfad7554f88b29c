import { publicAccessBlockSettingCheck } from '../../_lib/terraform-aws.js';

export default publicAccessBlockSettingCheck({
  id: 'PAL-TF-0005',
  slug: 'aws-s3-ignore-public-acls-disabled',
  attribute: 'ignore_public_acls',
  title: 'S3 public access block does not ignore public ACLs',
  rationale:
    'With ignore_public_acls off, public ACLs already present on the bucket or its objects keep granting access; turning it on makes S3 disregard them without touching each object.',
  effect: 'existing public ACLs stay in effect',
  peers: [
    { tool: 'checkov', id: 'CKV_AWS_55', match: 'same' },
    { tool: 'trivy', id: 'AVD-AWS-0091', match: 'partial' },
  ],
});
