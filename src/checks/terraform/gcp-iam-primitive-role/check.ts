import { defineCheck } from '../../define-check.js';
import { iamMembers, strOf } from '../../_lib/terraform-cloud.js';

const PRIMITIVE = new Set(['roles/owner', 'roles/editor']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0112',
    slug: 'gcp-iam-primitive-role',
    title: 'Basic role Owner or Editor granted on a project, folder or organization',
    severity: 'high',
    category: 'iam',
    kinds: [
      'google_project_iam_member',
      'google_project_iam_binding',
      'google_folder_iam_member',
      'google_folder_iam_binding',
      'google_organization_iam_member',
      'google_organization_iam_binding',
    ],
    description: 'An IAM member or binding grants `roles/owner` or `roles/editor` on a project, folder or organization.',
    rationale:
      'The basic roles predate fine-grained IAM: Editor can change almost every resource in the project (and impersonate most service accounts), Owner can also rewrite IAM itself. Granted to a person they defeat least privilege; granted to a service account they turn any leak of its key or token into a full project compromise (CIS GCP 1.5).',
    remediation: `Grant predefined or custom roles that cover only what the member does.

\`\`\`hcl
resource "google_project_iam_member" "deployer" {
  project = "my-project"
  role    = "roles/run.developer"
  member  = "serviceAccount:deployer@my-project.iam.gserviceaccount.com"
}
\`\`\``,
    references: ['https://cloud.google.com/iam/docs/understanding-roles#basic', 'https://cloud.google.com/iam/docs/using-iam-securely'],
    standards: { cis: ['GCP 1.5'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_117', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0007', match: 'partial' },
    ],
    messages: { basic: 'Basic role "{{role}}" is granted to {{members}}.' },
    examples: {
      good: `resource "google_project_iam_member" "good" {
  project = "my-project"
  role    = "roles/logging.viewer"
  member  = "group:ops@example.com"
}
`,
      bad: `resource "google_project_iam_member" "bad" {
  project = "my-project"
  role    = "roles/editor"
  member  = "user:dev@example.com"
}
`,
    },
  },
  run(obj, ctx) {
    const role = strOf(obj.value.role);
    if (typeof role !== 'string' || !PRIMITIVE.has(role)) return;
    const members = iamMembers(obj.value).map((m) => m.member);
    ctx.report({ path: ['role'], data: { role, members: members.length > 0 ? members.join(', ') : 'the listed members' } });
  },
});
