import { defineCheck } from '../../define-check.js';
import { iamMembers, strOf } from '../../_lib/terraform-cloud.js';

const IMPERSONATION = new Set(['roles/iam.serviceAccountUser', 'roles/iam.serviceAccountTokenCreator']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0113',
    slug: 'gcp-iam-service-account-impersonation',
    title: 'Service Account User or Token Creator granted on a whole project',
    severity: 'medium',
    category: 'iam',
    kinds: [
      'google_project_iam_member',
      'google_project_iam_binding',
      'google_folder_iam_member',
      'google_folder_iam_binding',
      'google_organization_iam_member',
      'google_organization_iam_binding',
    ],
    description:
      'An IAM member or binding grants `roles/iam.serviceAccountUser` or `roles/iam.serviceAccountTokenCreator` at project, folder or organization level instead of on one service account.',
    rationale:
      'At project level these roles let the member act as every service account in the project — including ones with Owner or Editor — so the grant is effectively the union of all service-account permissions. Grant them on the specific `google_service_account_iam_member` instead (CIS GCP 1.6).',
    remediation: `Grant impersonation on the one service account the member needs.

\`\`\`hcl
resource "google_service_account_iam_member" "deployer_can_use_runtime" {
  service_account_id = google_service_account.runtime.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:deployer@my-project.iam.gserviceaccount.com"
}
\`\`\``,
    references: ['https://cloud.google.com/iam/docs/service-account-permissions', 'https://cloud.google.com/iam/docs/manage-access-service-accounts'],
    standards: { cis: ['GCP 1.6'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_41', match: 'same' },
      { tool: 'checkov', id: 'CKV_GCP_49', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0011', match: 'partial' },
    ],
    messages: { impersonation: '"{{role}}" at {{scope}} level lets {{members}} impersonate every service account there.' },
    examples: {
      good: `resource "google_service_account_iam_member" "good" {
  service_account_id = "projects/p/serviceAccounts/runtime@p.iam.gserviceaccount.com"
  role               = "roles/iam.serviceAccountUser"
  member             = "user:dev@example.com"
}
`,
      bad: `resource "google_project_iam_member" "bad" {
  project = "p"
  role    = "roles/iam.serviceAccountTokenCreator"
  member  = "user:dev@example.com"
}
`,
    },
  },
  run(obj, ctx) {
    const role = strOf(obj.value.role);
    if (typeof role !== 'string' || !IMPERSONATION.has(role)) return;
    const scope = obj.kind.split('_')[1] ?? 'project';
    const members = iamMembers(obj.value).map((m) => m.member);
    ctx.report({ path: ['role'], data: { role, scope, members: members.length > 0 ? members.join(', ') : 'the members' } });
  },
});
