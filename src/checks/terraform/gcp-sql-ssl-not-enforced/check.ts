import { defineCheck } from '../../define-check.js';
import { boolOf, firstBlock, strOf } from '../../_lib/terraform-cloud.js';

const ENFORCING_MODES = new Set(['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0116',
    slug: 'gcp-sql-ssl-not-enforced',
    title: 'Cloud SQL instance accepts unencrypted connections',
    severity: 'high',
    category: 'encryption',
    kinds: ['google_sql_database_instance'],
    description:
      'A `google_sql_database_instance` does not set `settings.ip_configuration.ssl_mode` to `ENCRYPTED_ONLY` or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED` (or, on older providers, `require_ssl = true`).',
    rationale:
      'By default Cloud SQL accepts plaintext connections, so database credentials and query results travel unencrypted wherever a client connects directly over IP. Requiring TLS closes that channel (CIS GCP 6.4).',
    remediation: `Require encrypted connections.

\`\`\`hcl
resource "google_sql_database_instance" "db" {
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}
\`\`\``,
    references: ['https://cloud.google.com/sql/docs/postgres/configure-ssl-instance', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#ssl_mode'],
    standards: { cis: ['GCP 6.4'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_6', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0015', match: 'same' },
    ],
    messages: {
      missing: 'Database instance does not require TLS (no ssl_mode / require_ssl).',
      weak: 'Database instance sets {{attr}} = {{value}}, which allows unencrypted connections.',
    },
    examples: {
      good: `resource "google_sql_database_instance" "good" {
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}
`,
      bad: `resource "google_sql_database_instance" "bad" {
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"
  }
}
`,
    },
  },
  run(obj, ctx) {
    const settings = firstBlock(obj.value, 'settings');
    if (!settings) {
      ctx.report({ path: [], messageId: 'missing' });
      return;
    }
    const ip = firstBlock(settings.block, 'ip_configuration', settings.path);
    if (!ip) {
      ctx.report({ path: settings.path, messageId: 'missing' });
      return;
    }
    const mode = strOf(ip.block.ssl_mode);
    if (mode === null) return;
    if (typeof mode === 'string' && mode !== '') {
      if (!ENFORCING_MODES.has(mode.toUpperCase())) ctx.report({ path: [...ip.path, 'ssl_mode'], messageId: 'weak', data: { attr: 'ssl_mode', value: mode } });
      return;
    }
    const require = boolOf(ip.block.require_ssl);
    if (require === true || require === 'unknown') return;
    if (require === false) ctx.report({ path: [...ip.path, 'require_ssl'], messageId: 'weak', data: { attr: 'require_ssl', value: 'false' } });
    else ctx.report({ path: ip.path, messageId: 'missing' });
  },
});
