import { defineCheck } from '../../define-check.js';
import { boolOf, firstBlock, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0117',
    slug: 'gcp-sql-backups-disabled',
    title: 'Cloud SQL instance has automated backups disabled',
    severity: 'medium',
    category: 'backup',
    kinds: ['google_sql_database_instance'],
    description:
      'A primary `google_sql_database_instance` does not set `settings.backup_configuration { enabled = true }` (automated backups are off by default). Read replicas are skipped.',
    rationale:
      'Without automated backups there is no point-in-time recovery: a bad migration, a deleted table or ransomware inside the database means permanent data loss (CIS GCP 6.7).',
    remediation: `Enable automated backups (and point-in-time recovery where the engine supports it).

\`\`\`hcl
resource "google_sql_database_instance" "db" {
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}
\`\`\``,
    standards: { cis: ['GCP 6.7'] },
    references: ['https://cloud.google.com/sql/docs/postgres/backup-recovery/backups', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#backup_configuration'],
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_14', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0024', match: 'same' },
    ],
    messages: {
      missing: 'Database instance has no backup_configuration with enabled = true.',
      disabled: 'Database instance sets backup_configuration.enabled = false.',
    },
    examples: {
      good: `resource "google_sql_database_instance" "good" {
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    backup_configuration {
      enabled = true
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
    const v = obj.value;
    const master = strOf(v.master_instance_name);
    if (master === null || (typeof master === 'string' && master !== '')) return;
    const settings = firstBlock(v, 'settings');
    if (!settings) {
      ctx.report({ path: [], messageId: 'missing' });
      return;
    }
    const backup = firstBlock(settings.block, 'backup_configuration', settings.path);
    if (!backup) {
      ctx.report({ path: settings.path, messageId: 'missing' });
      return;
    }
    const enabled = boolOf(backup.block.enabled);
    if (enabled === true || enabled === 'unknown') return;
    if (enabled === false) ctx.report({ path: [...backup.path, 'enabled'], messageId: 'disabled' });
    else ctx.report({ path: backup.path, messageId: 'missing' });
  },
});
