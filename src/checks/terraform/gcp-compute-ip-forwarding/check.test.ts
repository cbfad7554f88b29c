import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'explicitly false',
      code: `resource "google_compute_instance_template" "t" {
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  can_ip_forward = false
}
`,
    },
  ],
  invalid: [
    {
      name: 'template forwards',
      code: `resource "google_compute_instance_template" "t" {
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  can_ip_forward = true
}
`,
      errors: [{ path: 'can_ip_forward', line: 4 }],
    },
  ],
});
