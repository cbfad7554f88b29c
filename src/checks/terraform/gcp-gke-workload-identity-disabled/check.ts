import { defineCheck } from '../../define-check.js';
import { blocksAt, firstBlock, gkeAutopilot, gkeNodeConfigs, strOf } from '../../_lib/terraform-cloud.js';

/** Node metadata modes that hand the node's service-account token and kube-env to every pod. */
const EXPOSING = new Set(['GCE_METADATA', 'EXPOSE', 'UNSPECIFIED', 'MODE_UNSPECIFIED']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0110',
    slug: 'gcp-gke-workload-identity-disabled',
    title: 'GKE pods can read the node metadata server (no Workload Identity)',
    severity: 'medium',
    category: 'iam',
    kinds: ['google_container_cluster', 'google_container_node_pool'],
    description:
      'A Standard `google_container_cluster` has no `workload_identity_config`, or a node pool sets `workload_metadata_config { mode = "GCE_METADATA" }` (or the deprecated `node_metadata = "EXPOSE"`).',
    rationale:
      'Without the GKE metadata server every pod can query the Compute Engine metadata endpoint and obtain the node service account\'s OAuth token and the kubelet bootstrap credentials, so one compromised container acts with the node\'s cloud permissions. Workload Identity gives each Kubernetes service account its own Google identity (CIS GKE 5.2.1, 5.4.2).',
    remediation: `Enable Workload Identity on the cluster and run node pools with the GKE metadata server.

\`\`\`hcl
resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  workload_identity_config {
    workload_pool = "my-project.svc.id.goog"
  }
}

resource "google_container_node_pool" "pool" {
  cluster = google_container_cluster.main.id

  node_config {
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}
\`\`\``,
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity', 'https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#workload_identity'],
    standards: { cis: ['GKE 5.2.1', 'GKE 5.4.2'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_69', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0057', match: 'partial' },
    ],
    messages: {
      noWorkloadIdentity: 'Cluster has no workload_identity_config: pods can use the node service account through the metadata server.',
      exposed: 'Node metadata for {{pool}} is "{{mode}}": pods can read the node service-account token.',
    },
    examples: {
      good: `resource "google_container_cluster" "good" {
  name     = "good"
  location = "europe-west1"

  workload_identity_config {
    workload_pool = "my-project.svc.id.goog"
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
    if (obj.kind === 'google_container_cluster' && !gkeAutopilot(v)) {
      const wi = blocksAt(v, 'workload_identity_config');
      if (!wi.unknown && wi.items.length === 0) ctx.report({ path: [], messageId: 'noWorkloadIdentity' });
    }
    for (const nc of gkeNodeConfigs(obj.kind, v)) {
      if (!nc.nodeConfig) continue;
      const wmc = firstBlock(nc.nodeConfig, 'workload_metadata_config', nc.path);
      if (!wmc) continue;
      for (const key of ['mode', 'node_metadata']) {
        const mode = strOf(wmc.block[key]);
        if (typeof mode === 'string' && EXPOSING.has(mode.toUpperCase())) {
          ctx.report({ path: [...wmc.path, key], messageId: 'exposed', data: { pool: nc.label, mode } });
        }
      }
    }
  },
});
