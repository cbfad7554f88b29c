import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'private IP only',
      code: `resource "google_sql_database_instance" "db" {
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ipv4_enabled    = false
      private_network = "projects/p/global/networks/default"
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'second network is open',
      code: `resource "google_sql_database_instance" "db" {
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      authorized_networks {
        name  = "office"
        value = "198.51.100.0/24"
      }
      authorized_networks {
        name  = "all"
        value = "0.0.0.0/0"
      }
    }
  }
}
`,
      errors: [{ path: 'settings[0].ip_configuration[0].authorized_networks[1].value', line: 15 }],
    },
  ],
});
