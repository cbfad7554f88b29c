import { defineCheck } from '../../define-check.js';
import { boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0101',
    slug: 'gcp-storage-uniform-access-disabled',
    title: 'Cloud Storage bucket without uniform bucket-level access',
    severity: 'medium',
    category: 'storage',
    kinds: ['google_storage_bucket'],
    description: 'A `google_storage_bucket` does not set `uniform_bucket_level_access = true` (the provider default is false).',
    rationale:
      'Without uniform bucket-level access, every object can carry its own ACL, so a single object can be made public or shared outside the organisation without any change to the bucket IAM policy. Uniform access disables ACLs and makes IAM the only way to grant access (CIS GCP 5.2).',
    remediation: `Enable uniform bucket-level access on the bucket and grant access through IAM bindings only.

\`\`\`hcl
resource "google_storage_bucket" "data" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
}
\`\`\``,
    references: ['https://cloud.google.com/storage/docs/uniform-bucket-level-access', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#uniform_bucket_level_access'],
    standards: { cis: ['GCP 5.2'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_29', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0002', match: 'same' },
    ],
    messages: {
      missing: 'Bucket does not enable uniform bucket-level access (object ACLs stay in effect).',
      disabled: 'Bucket sets uniform_bucket_level_access = false (object ACLs stay in effect).',
    },
    examples: {
      good: `resource "google_storage_bucket" "good" {
  name                        = "good-bucket"
  location                    = "EU"
  uniform_bucket_level_access = true
}
`,
      bad: `resource "google_storage_bucket" "bad" {
  name     = "bad-bucket"
  location = "EU"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    const uniform = boolOf(v.uniform_bucket_level_access);
    if (uniform === true || uniform === 'unknown') return;
    // `bucket_policy_only` is the pre-4.0 name of the same setting.
    if (uniform === 'unset') {
      const legacy = boolOf(v.bucket_policy_only);
      if (legacy === true || legacy === 'unknown') return;
    }
    if (uniform === false) ctx.report({ path: ['uniform_bucket_level_access'], messageId: 'disabled' });
    else ctx.report({ path: [], messageId: 'missing' });
  },
});
