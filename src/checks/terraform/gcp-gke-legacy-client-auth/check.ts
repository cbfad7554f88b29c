import { defineCheck } from '../../define-check.js';
import { boolOf, firstBlock, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0109',
    slug: 'gcp-gke-legacy-client-auth',
    title: 'GKE cluster allows basic auth or client certificate login',
    severity: 'high',
    category: 'iam',
    kinds: ['google_container_cluster'],
    description:
      'A `google_container_cluster` sets a `master_auth` username (static basic-auth password) or `client_certificate_config { issue_client_certificate = true }`.',
    rationale:
      'Basic-auth passwords and the cluster client certificate are long-lived, cluster-admin credentials that cannot be revoked or tied to a person; anyone who reads the Terraform state or the cluster API response gets full control. IAM/OIDC authentication is short-lived and audited (CIS GKE 5.8.1, 5.8.2).',
    remediation: `Remove \`username\`/\`password\` and do not issue a client certificate; authenticate with Google identities.

\`\`\`hcl
resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west1"

  master_auth {
    client_certificate_config {
      issue_client_certificate = false
    }
  }
}
\`\`\``,
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#restrict_authn_methods', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#master_auth'],
    standards: { cis: ['GKE 5.8.1', 'GKE 5.8.2'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_19', match: 'partial' },
      { tool: 'checkov', id: 'CKV_GCP_13', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0064', match: 'same' },
    ],
    messages: {
      basicAuth: 'Cluster enables basic authentication (master_auth.username is set).',
      clientCert: 'Cluster issues a client certificate for API authentication.',
    },
    examples: {
      good: `resource "google_container_cluster" "good" {
  name     = "good"
  location = "europe-west1"

  master_auth {
    client_certificate_config {
      issue_client_certificate = false
    }
  }
}
`,
      bad: `resource "google_container_cluster" "bad" {
  name     = "bad"
  location = "europe-west1"

  master_auth {
    client_certificate_config {
      issue_client_certificate = true
    }
  }
}
`,
    },
  },
  run(obj, ctx) {
    const ma = firstBlock(obj.value, 'master_auth');
    if (!ma) return;
    const username = strOf(ma.block.username);
    if (typeof username === 'string' && username !== '') ctx.report({ path: [...ma.path, 'username'], messageId: 'basicAuth' });
    const cc = firstBlock(ma.block, 'client_certificate_config', ma.path);
    if (cc && boolOf(cc.block.issue_client_certificate) === true) {
      ctx.report({ path: [...cc.path, 'issue_client_certificate'], messageId: 'clientCert' });
    }
  },
});
