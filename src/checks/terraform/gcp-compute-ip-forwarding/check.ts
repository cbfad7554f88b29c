import { defineCheck } from '../../define-check.js';
import { boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0144',
    slug: 'gcp-compute-ip-forwarding',
    title: 'VM can forward packets for other addresses (IP forwarding)',
    severity: 'medium',
    category: 'network',
    kinds: ['google_compute_instance', 'google_compute_instance_template', 'google_compute_region_instance_template'],
    description: 'A Compute Engine instance or template sets `can_ip_forward = true`.',
    rationale:
      'With IP forwarding the VM may send and receive packets whose addresses are not its own, so a compromised instance can spoof traffic and route around firewall rules. Only NAT gateways and network appliances need it; suppress the finding on those (CIS GCP 4.6).',
    remediation: `Remove \`can_ip_forward\` unless the instance is a router or NAT appliance (then suppress this finding with a reason).

\`\`\`hcl
resource "google_compute_instance" "app" {
  name           = "app"
  machine_type   = "e2-small"
  zone           = "europe-west1-b"
  can_ip_forward = false
}
\`\`\``,
    references: ['https://cloud.google.com/vpc/docs/using-routes#canipforward', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#can_ip_forward'],
    standards: { cis: ['GCP 4.6'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_36', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0043', match: 'same' },
    ],
    messages: { forwarding: 'Instance enables IP forwarding.' },
    examples: {
      good: `resource "google_compute_instance" "good" {
  name         = "good"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
}
`,
      bad: `resource "google_compute_instance" "bad" {
  name           = "bad"
  machine_type   = "e2-small"
  zone           = "europe-west1-b"
  can_ip_forward = true
}
`,
    },
  },
  run(obj, ctx) {
    if (boolOf(obj.value.can_ip_forward) === true) ctx.report({ path: ['can_ip_forward'] });
  },
});
