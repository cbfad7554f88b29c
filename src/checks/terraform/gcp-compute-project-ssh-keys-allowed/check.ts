import { defineCheck } from '../../define-check.js';
import { metadataBool, metadataValue } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0119',
    slug: 'gcp-compute-project-ssh-keys-allowed',
    title: 'VM accepts project-wide SSH keys',
    severity: 'medium',
    category: 'iam',
    kinds: ['google_compute_instance', 'google_compute_instance_template', 'google_compute_region_instance_template'],
    description:
      'A Compute Engine instance or template does not set the metadata key `block-project-ssh-keys = true` and does not enable OS Login (`enable-oslogin`), so any SSH key in the project metadata can log in.',
    rationale:
      'Project-wide SSH keys grant login to every VM of the project; one leaked laptop key then reaches all of them, and removing a person means editing shared metadata. Block project keys, or use OS Login so access follows IAM (CIS GCP 4.3).',
    remediation: `Block project-wide keys on the instance (or enable OS Login).

\`\`\`hcl
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    block-project-ssh-keys = "true"
  }
}
\`\`\``,
    references: ['https://cloud.google.com/compute/docs/connect/restrict-ssh-keys#block-keys', 'https://cloud.google.com/compute/docs/oslogin'],
    standards: { cis: ['GCP 4.3'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_32', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0030', match: 'partial' },
    ],
    messages: {
      missing: 'Instance does not block project-wide SSH keys (block-project-ssh-keys) and does not enable OS Login.',
      disabled: 'Instance sets block-project-ssh-keys to false.',
    },
    examples: {
      good: `resource "google_compute_instance" "good" {
  name         = "good"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    block-project-ssh-keys = "true"
  }
}
`,
      bad: `resource "google_compute_instance" "bad" {
  name         = "bad"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    const block = metadataBool(metadataValue(v, 'block-project-ssh-keys'));
    if (block === true || block === 'unknown') return;
    if (block === false) {
      ctx.report({ path: ['metadata', 'block-project-ssh-keys'], messageId: 'disabled' });
      return;
    }
    // With OS Login the guest ignores metadata SSH keys altogether.
    const oslogin = metadataBool(metadataValue(v, 'enable-oslogin'));
    if (oslogin === true || oslogin === 'unknown') return;
    ctx.report({ path: v.metadata === undefined || v.metadata === null ? [] : ['metadata'], messageId: 'missing' });
  },
});
