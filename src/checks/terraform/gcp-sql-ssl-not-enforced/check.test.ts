import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'legacy require_ssl',
      code: `resource "google_sql_database_instance" "db" {
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      require_ssl = true
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'ssl_mode allows plaintext',
      code: `resource "google_sql_database_instance" "db" {
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }
  }
}
`,
      errors: [{ path: 'settings[0].ip_configuration[0].ssl_mode', line: 9, messageId: 'weak' }],
    },
    {
      name: 'no ip_configuration: reported on settings',
      code: `resource "google_sql_database_instance" "db" {
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"
  }
}
`,
      errors: [{ path: 'settings[0]', line: 5, messageId: 'missing' }],
    },
  ],
});
