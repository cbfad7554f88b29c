import { defineCheck } from '../../define-check.js';
import { blocksAt, iamMembers, isPublicGcpMember, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0122',
    slug: 'gcp-bigquery-dataset-public',
    title: 'BigQuery dataset shared with allUsers or allAuthenticatedUsers',
    severity: 'high',
    category: 'storage',
    kinds: ['google_bigquery_dataset', 'google_bigquery_dataset_access', 'google_bigquery_dataset_iam_member', 'google_bigquery_dataset_iam_binding'],
    description:
      'A BigQuery dataset grants access to `allUsers` or `allAuthenticatedUsers`, through an `access` block (`special_group` or `iam_member`), a `google_bigquery_dataset_access`, or a dataset IAM member/binding.',
    rationale:
      'Either special principal makes the dataset queryable by anyone on the internet or any Google account, which exposes every table in it (CIS GCP 7.1).',
    remediation: `Grant dataset access to specific groups or service accounts.

\`\`\`hcl
resource "google_bigquery_dataset" "analytics" {
  dataset_id = "analytics"

  access {
    role           = "READER"
    group_by_email = "analysts@example.com"
  }
}
\`\`\``,
    references: ['https://cloud.google.com/bigquery/docs/control-access-to-resources-iam', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset#access'],
    standards: { cis: ['GCP 7.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_15', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0046', match: 'partial' },
    ],
    messages: { public: 'Dataset access is granted to {{member}}.' },
    examples: {
      good: `resource "google_bigquery_dataset" "good" {
  dataset_id = "good"

  access {
    role           = "READER"
    group_by_email = "analysts@example.com"
  }
}
`,
      bad: `resource "google_bigquery_dataset" "bad" {
  dataset_id = "bad"

  access {
    role          = "READER"
    special_group = "allAuthenticatedUsers"
  }
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (obj.kind === 'google_bigquery_dataset_iam_member' || obj.kind === 'google_bigquery_dataset_iam_binding') {
      for (const m of iamMembers(v)) if (isPublicGcpMember(m.member)) ctx.report({ path: m.path, data: { member: m.member } });
      return;
    }
    const grants = obj.kind === 'google_bigquery_dataset' ? blocksAt(v, 'access').items : [{ block: v, path: [] }];
    for (const { block, path } of grants) {
      for (const key of ['special_group', 'iam_member']) {
        const who = strOf(block[key]);
        if (typeof who === 'string' && isPublicGcpMember(who)) ctx.report({ path: [...path, key], data: { member: who } });
      }
    }
  },
});
