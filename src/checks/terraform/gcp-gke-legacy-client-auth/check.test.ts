import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'empty username disables basic auth',
      code: `resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"

  master_auth {
    username = ""
    password = ""
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'basic auth and client certificate',
      code: `resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"

  master_auth {
    username = "admin"
    password = "correct-horse-battery-staple"

    client_certificate_config {
      issue_client_certificate = true
    }
  }
}
`,
      errors: [
        { path: 'master_auth[0].username', line: 6, messageId: 'basicAuth' },
        { path: 'master_auth[0].client_certificate_config[0].issue_client_certificate', line: 10, messageId: 'clientCert' },
      ],
    },
  ],
});
