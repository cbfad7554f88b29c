import { defineCheck } from '../../define-check.js';
import { blocksAt, firstBlock, isAnySource, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0115',
    slug: 'gcp-sql-public-authorized-network',
    title: 'Cloud SQL instance accepts connections from any IP address',
    severity: 'critical',
    category: 'network',
    kinds: ['google_sql_database_instance'],
    description: 'A `google_sql_database_instance` lists `0.0.0.0/0` (or `::/0`) in `settings.ip_configuration.authorized_networks`.',
    rationale:
      'An authorized network of 0.0.0.0/0 opens the database port on the instance\'s public IP to the whole internet, leaving only the database password between attackers and the data. Connect through private IP, the Cloud SQL Auth Proxy or narrowly scoped networks (CIS GCP 6.5).',
    remediation: `Remove the open network; use private IP or the Cloud SQL Auth Proxy, or list specific client ranges.

\`\`\`hcl
resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
    }
  }
}
\`\`\``,
    references: ['https://cloud.google.com/sql/docs/postgres/configure-ip', 'https://cloud.google.com/sql/docs/postgres/authorize-networks'],
    standards: { cis: ['GCP 6.5'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_11', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0017', match: 'partial' },
    ],
    messages: { open: 'Authorized network "{{cidr}}" opens the database to the whole internet.' },
    examples: {
      good: `resource "google_sql_database_instance" "good" {
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
    }
  }
}
`,
      bad: `resource "google_sql_database_instance" "bad" {
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      authorized_networks {
        name  = "anyone"
        value = "0.0.0.0/0"
      }
    }
  }
}
`,
    },
  },
  run(obj, ctx) {
    const settings = firstBlock(obj.value, 'settings');
    if (!settings) return;
    const ip = firstBlock(settings.block, 'ip_configuration', settings.path);
    if (!ip) return;
    for (const net of blocksAt(ip.block, 'authorized_networks', ip.path).items) {
      const cidr = strOf(net.block.value);
      if (typeof cidr === 'string' && isAnySource(cidr)) ctx.report({ path: [...net.path, 'value'], data: { cidr } });
    }
  },
});
