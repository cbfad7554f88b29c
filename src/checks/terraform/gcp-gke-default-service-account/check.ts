import { defineCheck } from '../../define-check.js';
import { gkeNodeConfigs, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0111',
    slug: 'gcp-gke-default-service-account',
    title: 'GKE nodes run as the Compute Engine default service account',
    severity: 'medium',
    category: 'iam',
    kinds: ['google_container_cluster', 'google_container_node_pool'],
    description:
      'A GKE node pool (a `google_container_node_pool`, an inline `node_pool`, or the default pool of a `google_container_cluster`) sets no `node_config.service_account`, or sets it to `"default"`.',
    rationale:
      'The Compute Engine default service account has the Editor role on the project in most organisations. Every node — and, without Workload Identity, every pod — can then modify almost anything in the project. Nodes need only a minimal service account with logging and monitoring roles (CIS GKE 5.2.1).',
    remediation: `Create a minimal service account for nodes and reference it in \`node_config\`.

\`\`\`hcl
resource "google_service_account" "nodes" {
  account_id = "gke-nodes"
}

resource "google_container_node_pool" "pool" {
  cluster = google_container_cluster.main.id

  node_config {
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}
\`\`\``,
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#service_account'],
    standards: { cis: ['GKE 5.2.1'] },
    peers: [{ tool: 'trivy', id: 'AVD-GCP-0050', match: 'same' }],
    messages: {
      missing: '{{pool}} sets no service_account: nodes run as the Compute Engine default service account.',
      explicit: '{{pool}} runs as the Compute Engine default service account ("{{account}}").',
    },
    examples: {
      good: `resource "google_container_node_pool" "good" {
  name    = "good"
  cluster = "main"

  node_config {
    service_account = "gke-nodes@my-project.iam.gserviceaccount.com"
  }
}
`,
      bad: `resource "google_container_node_pool" "bad" {
  name    = "bad"
  cluster = "main"

  node_config {
    machine_type = "e2-standard-4"
  }
}
`,
    },
  },
  run(obj, ctx) {
    for (const nc of gkeNodeConfigs(obj.kind, obj.value)) {
      const sa = nc.nodeConfig ? strOf(nc.nodeConfig.service_account) : undefined;
      if (sa === null) continue;
      const pool = nc.label.charAt(0).toUpperCase() + nc.label.slice(1);
      if (sa === undefined || sa === '') ctx.report({ path: nc.path, messageId: 'missing', data: { pool } });
      else if (sa === 'default' || /-compute@developer\.gserviceaccount\.com$/.test(sa)) {
        ctx.report({ path: [...nc.path, 'service_account'], messageId: 'explicit', data: { pool, account: sa } });
      }
    }
  },
});
