import { defineCheck } from '../../define-check.js';
import { blocksAt } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0146',
    slug: 'gcp-compute-public-ip',
    title: 'VM has an external IP address',
    severity: 'medium',
    category: 'network',
    kinds: ['google_compute_instance', 'google_compute_instance_template', 'google_compute_region_instance_template'],
    description: 'A network interface of a Compute Engine instance or template has an `access_config` block, which gives it an external (public) IP address.',
    rationale:
      'An external address makes every listening service reachable from the internet as soon as a firewall rule allows it, and lets a compromised VM talk to anything outside. Reach VMs through IAP, a load balancer or Cloud NAT instead (CIS GCP 4.9).',
    remediation: `Remove \`access_config\`; use Cloud NAT for egress and a load balancer or IAP for ingress.

\`\`\`hcl
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  network_interface {
    subnetwork = google_compute_subnetwork.private.id
  }
}
\`\`\``,
    references: ['https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address', 'https://cloud.google.com/nat/docs/overview'],
    standards: { cis: ['GCP 4.9'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_40', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0031', match: 'same' },
    ],
    messages: { external: 'Network interface {{index}} has an external IP address (access_config).' },
    examples: {
      good: `resource "google_compute_instance" "good" {
  name         = "good"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  network_interface {
    network = "default"
  }
}
`,
      bad: `resource "google_compute_instance" "bad" {
  name         = "bad"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  network_interface {
    network = "default"

    access_config {}
  }
}
`,
    },
  },
  run(obj, ctx) {
    for (const ni of blocksAt(obj.value, 'network_interface').items) {
      for (const key of ['access_config', 'ipv6_access_config']) {
        const ac = blocksAt(ni.block, key, ni.path).items[0];
        if (ac) ctx.report({ path: ac.path, data: { index: String(ni.path[1] ?? 0) } });
      }
    }
  },
});
