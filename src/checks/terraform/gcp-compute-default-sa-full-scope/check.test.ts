import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'default account with narrow scopes',
      code: `resource "google_compute_instance" "i" {
  name         = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  service_account {
    scopes = ["logging-write", "monitoring-write"]
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'template with the explicit default compute account',
      code: `resource "google_compute_instance_template" "t" {
  machine_type = "e2-small"

  service_account {
    email = "123456789012-compute@developer.gserviceaccount.com"
    scopes = [
      "userinfo-email",
      "https://www.googleapis.com/auth/cloud-platform",
    ]
  }
}
`,
      errors: [{ path: 'service_account[0].scopes[1]', line: 8 }],
    },
  ],
});
