import { defineCheck } from '../../define-check.js';
import { blocksAt, listOf, strOf } from '../../_lib/terraform-cloud.js';

const FULL_SCOPES = new Set(['https://www.googleapis.com/auth/cloud-platform', 'cloud-platform']);

function isDefaultAccount(email: string | undefined): boolean {
  return email === undefined || email === '' || email === 'default' || /-compute@developer\.gserviceaccount\.com$/.test(email);
}

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0114',
    slug: 'gcp-compute-default-sa-full-scope',
    title: 'VM uses the default service account with full Cloud API access',
    severity: 'high',
    category: 'iam',
    kinds: ['google_compute_instance', 'google_compute_instance_template', 'google_compute_region_instance_template'],
    description:
      'A Compute Engine instance or template attaches the Compute Engine default service account (no `email`, or the `…-compute@developer.gserviceaccount.com` account) with the `cloud-platform` scope.',
    rationale:
      'The default service account usually holds Editor on the project; with the `cloud-platform` scope nothing limits the token the metadata server hands to any process on the VM, so a web-app RCE becomes project-wide write access (CIS GCP 4.2).',
    remediation: `Attach a dedicated, minimally privileged service account; keep \`cloud-platform\` scope only with such an account.

\`\`\`hcl
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    email  = google_service_account.app.email
    scopes = ["cloud-platform"]
  }
}
\`\`\``,
    references: ['https://cloud.google.com/compute/docs/access/service-accounts#default_service_account', 'https://cloud.google.com/compute/docs/access/create-enable-service-accounts-for-instances'],
    standards: { cis: ['GCP 4.2'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_31', match: 'same' },
      { tool: 'checkov', id: 'CKV_GCP_30', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0044', match: 'partial' },
    ],
    messages: { fullScope: 'Instance uses the default service account ({{account}}) with the cloud-platform scope.' },
    examples: {
      good: `resource "google_compute_instance" "good" {
  name         = "good"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    email  = "app@my-project.iam.gserviceaccount.com"
    scopes = ["cloud-platform"]
  }
}
`,
      bad: `resource "google_compute_instance" "bad" {
  name         = "bad"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    scopes = ["cloud-platform"]
  }
}
`,
    },
  },
  run(obj, ctx) {
    for (const { block, path } of blocksAt(obj.value, 'service_account').items) {
      const email = strOf(block.email);
      if (email === null || !isDefaultAccount(email)) continue;
      const scopes = listOf(block.scopes);
      const idx = scopes.items.findIndex((s) => typeof s.value === 'string' && FULL_SCOPES.has(s.value));
      if (idx < 0) continue;
      const at = scopes.items[idx]!.index;
      ctx.report({ path: at === undefined ? [...path, 'scopes'] : [...path, 'scopes', at], data: { account: email || 'no email set' } });
    }
  },
});
