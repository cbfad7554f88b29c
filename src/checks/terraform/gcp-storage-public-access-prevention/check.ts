import { defineCheck } from '../../define-check.js';
import { strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0102',
    slug: 'gcp-storage-public-access-prevention',
    title: 'Cloud Storage bucket does not enforce public access prevention',
    severity: 'medium',
    category: 'storage',
    kinds: ['google_storage_bucket'],
    description: 'A `google_storage_bucket` leaves `public_access_prevention` unset or `"inherited"` instead of `"enforced"`.',
    rationale:
      'Public access prevention is a guard rail: with it enforced, no IAM binding or ACL can ever make the bucket or its objects readable by `allUsers` or `allAuthenticatedUsers`, so a later mistake in an IAM change cannot leak data. `inherited` only helps when an organisation policy enforces it, which the Terraform code cannot show.',
    remediation: `Set \`public_access_prevention = "enforced"\` on every bucket that must never be public.

\`\`\`hcl
resource "google_storage_bucket" "data" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}
\`\`\``,
    references: ['https://cloud.google.com/storage/docs/public-access-prevention', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#public_access_prevention'],
    peers: [{ tool: 'checkov', id: 'CKV_GCP_114', match: 'same' }],
    messages: {
      missing: 'Bucket does not set public_access_prevention = "enforced".',
      inherited: 'Bucket sets public_access_prevention = "{{value}}" instead of "enforced".',
    },
    examples: {
      good: `resource "google_storage_bucket" "good" {
  name                     = "good-bucket"
  location                 = "EU"
  public_access_prevention = "enforced"
}
`,
      bad: `resource "google_storage_bucket" "bad" {
  name                     = "bad-bucket"
  location                 = "EU"
  public_access_prevention = "inherited"
}
`,
    },
  },
  run(obj, ctx) {
    const pap = strOf(obj.value.public_access_prevention);
    if (pap === null) return;
    if (pap === undefined) ctx.report({ path: [], messageId: 'missing' });
    else if (pap.toLowerCase() !== 'enforced') ctx.report({ path: ['public_access_prevention'], messageId: 'inherited', data: { value: pap } });
  },
});
