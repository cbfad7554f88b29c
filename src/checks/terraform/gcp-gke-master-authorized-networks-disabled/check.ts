import { defineCheck } from '../../define-check.js';
import { blocksAt } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0106',
    slug: 'gcp-gke-master-authorized-networks-disabled',
    title: 'GKE control plane is not limited to authorized networks',
    severity: 'high',
    category: 'network',
    kinds: ['google_container_cluster'],
    description: 'A `google_container_cluster` has no `master_authorized_networks_config` block, so the Kubernetes API endpoint accepts connections from any address.',
    rationale:
      'With master authorized networks the API server only accepts connections from listed CIDR ranges; without it, anyone on the internet can reach the endpoint and try stolen credentials or exploit an API-server vulnerability (CIS GKE 5.6.3).',
    remediation: `Add a \`master_authorized_networks_config\` block listing the networks that administer the cluster.

\`\`\`hcl
resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "10.0.0.0/8"
      display_name = "corp"
    }
  }
}
\`\`\``,
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#master_authorized_networks_config'],
    standards: { cis: ['GKE 5.6.3'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_20', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0061', match: 'partial' },
    ],
    messages: { missing: 'Cluster has no master_authorized_networks_config: its API endpoint accepts any source address.' },
    examples: {
      good: `resource "google_container_cluster" "good" {
  name     = "good"
  location = "europe-west1"

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block = "10.0.0.0/8"
    }
  }
}
`,
      bad: `resource "google_container_cluster" "bad" {
  name     = "bad"
  location = "europe-west1"
}
`,
    },
  },
  run(obj, ctx) {
    const man = blocksAt(obj.value, 'master_authorized_networks_config');
    if (man.unknown || man.items.length > 0) return;
    ctx.report({ path: [] });
  },
});
