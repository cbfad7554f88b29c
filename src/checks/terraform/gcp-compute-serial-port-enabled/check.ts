import { defineCheck } from '../../define-check.js';
import { metadataBool, metadataValue } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0118',
    slug: 'gcp-compute-serial-port-enabled',
    title: 'VM enables interactive serial console access',
    severity: 'medium',
    category: 'network',
    kinds: ['google_compute_instance', 'google_compute_instance_template', 'google_compute_region_instance_template'],
    description: 'A Compute Engine instance or template sets the metadata key `serial-port-enable` to true.',
    rationale:
      'The interactive serial console accepts connections from any IP address and is not governed by VPC firewall rules; anyone with the right IAM permission and a guest password gets a root-capable console outside of all network controls (CIS GCP 4.5).',
    remediation: `Remove \`serial-port-enable\` from the metadata (or set it to \`"false"\`) and use OS Login over IAP for access.

\`\`\`hcl
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    serial-port-enable = "false"
  }
}
\`\`\``,
    references: ['https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console', 'https://cloud.google.com/compute/docs/instances/interacting-with-serial-console'],
    standards: { cis: ['GCP 4.5'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_35', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0032', match: 'same' },
    ],
    messages: { enabled: 'Instance metadata enables the interactive serial port.' },
    examples: {
      good: `resource "google_compute_instance" "good" {
  name         = "good"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    enable-oslogin = "TRUE"
  }
}
`,
      bad: `resource "google_compute_instance" "bad" {
  name         = "bad"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    serial-port-enable = "TRUE"
  }
}
`,
    },
  },
  run(obj, ctx) {
    if (metadataBool(metadataValue(obj.value, 'serial-port-enable')) === true) ctx.report({ path: ['metadata', 'serial-port-enable'] });
  },
});
