import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'explicitly disabled',
      code: `resource "google_compute_instance" "i" {
  name         = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    serial-port-enable = false
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'template enables it with 1',
      code: `resource "google_compute_instance_template" "t" {
  machine_type = "e2-small"

  metadata = {
    serial-port-enable = "1"
  }
}
`,
      errors: [{ path: 'metadata.serial-port-enable', line: 5 }],
    },
  ],
});
