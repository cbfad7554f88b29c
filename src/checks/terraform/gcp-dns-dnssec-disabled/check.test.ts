import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'private zone',
      code: `resource "google_dns_managed_zone" "z" {
  name       = "internal"
  dns_name   = "internal.example."
  visibility = "private"
}
`,
    },
  ],
  invalid: [
    {
      name: 'transfer state is not on',
      code: `resource "google_dns_managed_zone" "z" {
  name     = "z"
  dns_name = "example.com."

  dnssec_config {
    state = "transfer"
  }
}
`,
      errors: [{ path: 'dnssec_config[0].state', line: 6, messageId: 'off' }],
    },
  ],
});
