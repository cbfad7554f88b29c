import { defineCheck } from '../../define-check.js';
import { boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0105',
    slug: 'gcp-gke-legacy-abac-enabled',
    title: 'GKE cluster enables legacy ABAC authorization',
    severity: 'high',
    category: 'iam',
    kinds: ['google_container_cluster'],
    description: 'A `google_container_cluster` sets `enable_legacy_abac = true`.',
    rationale:
      'Legacy Attribute-Based Access Control grants broad, statically configured permissions that bypass Kubernetes RBAC: every service account can end up with far more than its RoleBindings say, and RBAC audits no longer describe who can do what (CIS GKE 5.8.3).',
    remediation: `Remove \`enable_legacy_abac\` (it defaults to false) and grant access with Kubernetes RBAC.

\`\`\`hcl
resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west1"
  enable_legacy_abac = false
}
\`\`\``,
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_legacy_abac'],
    standards: { cis: ['GKE 5.8.3'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_7', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0062', match: 'same' },
    ],
    messages: { abac: 'Cluster enables legacy ABAC, which bypasses Kubernetes RBAC.' },
    examples: {
      good: `resource "google_container_cluster" "good" {
  name     = "good"
  location = "europe-west1"
}
`,
      bad: `resource "google_container_cluster" "bad" {
  name               = "bad"
  location           = "europe-west1"
  enable_legacy_abac = true
}
`,
    },
  },
  run(obj, ctx) {
    if (boolOf(obj.value.enable_legacy_abac) === true) ctx.report({ path: ['enable_legacy_abac'] });
  },
});
