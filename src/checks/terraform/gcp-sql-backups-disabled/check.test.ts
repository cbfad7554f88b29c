import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'read replica',
      code: `resource "google_sql_database_instance" "replica" {
  database_version     = "POSTGRES_16"
  region               = "europe-west1"
  master_instance_name = "primary"

  settings {
    tier = "db-f1-micro"
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly disabled',
      code: `resource "google_sql_database_instance" "db" {
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    backup_configuration {
      enabled = false
    }
  }
}
`,
      errors: [{ path: 'settings[0].backup_configuration[0].enabled', line: 9, messageId: 'disabled' }],
    },
  ],
});
