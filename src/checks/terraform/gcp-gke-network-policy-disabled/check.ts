import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf, gkeAutopilot, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0108',
    slug: 'gcp-gke-network-policy-disabled',
    title: 'GKE cluster does not enforce Kubernetes NetworkPolicies',
    severity: 'medium',
    category: 'network',
    kinds: ['google_container_cluster'],
    description:
      'A Standard `google_container_cluster` neither enables `network_policy` nor uses GKE Dataplane V2 (`datapath_provider = "ADVANCED_DATAPATH"`), so NetworkPolicy objects are accepted but not enforced.',
    rationale:
      'Without an enforcing dataplane every pod can reach every other pod in the cluster, so one compromised workload can talk to databases and internal APIs of all namespaces. Worse, NetworkPolicies applied by teams silently do nothing (CIS GKE 5.6.7).',
    remediation: `Use Dataplane V2 (recommended) or enable the Calico network policy add-on.

\`\`\`hcl
resource "google_container_cluster" "main" {
  name              = "main"
  location          = "europe-west1"
  datapath_provider = "ADVANCED_DATAPATH"
}
\`\`\``,
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy', 'https://cloud.google.com/kubernetes-engine/docs/concepts/dataplane-v2'],
    standards: { cis: ['GKE 5.6.7'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_12', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0056', match: 'same' },
    ],
    messages: {
      missing: 'Cluster enforces no NetworkPolicies (no network_policy block and no Dataplane V2).',
      disabled: 'Cluster sets network_policy.enabled = false and does not use Dataplane V2.',
    },
    examples: {
      good: `resource "google_container_cluster" "good" {
  name     = "good"
  location = "europe-west1"

  network_policy {
    enabled  = true
    provider = "CALICO"
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
    const v = obj.value;
    if (gkeAutopilot(v)) return;
    const datapath = strOf(v.datapath_provider);
    if (datapath === null || datapath?.toUpperCase() === 'ADVANCED_DATAPATH') return;
    const policies = blocksAt(v, 'network_policy');
    if (policies.unknown) return;
    const np = policies.items[0];
    if (!np) {
      ctx.report({ path: [], messageId: 'missing' });
      return;
    }
    const enabled = boolOf(np.block.enabled);
    if (enabled === true || enabled === 'unknown') return;
    ctx.report({ path: enabled === false ? [...np.path, 'enabled'] : np.path, messageId: 'disabled' });
  },
});
