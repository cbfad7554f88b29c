import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0107',
    slug: 'gcp-gke-private-nodes-disabled',
    title: 'GKE cluster nodes have public IP addresses',
    severity: 'medium',
    category: 'network',
    kinds: ['google_container_cluster'],
    description: 'A `google_container_cluster` does not set `private_cluster_config { enable_private_nodes = true }`, so its nodes get external IP addresses.',
    rationale:
      'Nodes with public addresses are reachable from the internet on every port their firewall rules and NodePort services open, and kubelet or SSH mistakes become remotely exploitable. Private nodes only have internal addresses and reach the internet through Cloud NAT (CIS GKE 5.6.5).',
    remediation: `Enable private nodes (and give the cluster Cloud NAT for egress).

\`\`\`hcl
resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}
\`\`\``,
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_private_nodes'],
    standards: { cis: ['GKE 5.6.5'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_25', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0059', match: 'partial' },
    ],
    messages: {
      missing: 'Cluster has no private_cluster_config: nodes get public IP addresses.',
      disabled: 'Cluster sets enable_private_nodes = false: nodes get public IP addresses.',
    },
    examples: {
      good: `resource "google_container_cluster" "good" {
  name     = "good"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes   = true
    master_ipv4_cidr_block = "172.16.0.0/28"
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
    const pcc = blocksAt(obj.value, 'private_cluster_config');
    if (pcc.unknown) return;
    const first = pcc.items[0];
    if (!first) {
      ctx.report({ path: [], messageId: 'missing' });
      return;
    }
    const enabled = boolOf(first.block.enable_private_nodes);
    if (enabled === true || enabled === 'unknown') return;
    ctx.report({ path: enabled === false ? [...first.path, 'enable_private_nodes'] : first.path, messageId: 'disabled' });
  },
});
