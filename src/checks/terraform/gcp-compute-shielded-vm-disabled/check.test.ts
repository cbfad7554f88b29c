import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'all features from unknown variables',
      code: `variable "sb" {
  type = bool
}

resource "google_compute_instance" "i" {
  name = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  shielded_instance_config {
    enable_secure_boot = var.sb
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'block without secure boot, vTPM off',
      code: `resource "google_compute_instance" "i" {
  name = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  shielded_instance_config {
    enable_vtpm = false
  }
}
`,
      errors: [
        { path: 'shielded_instance_config[0]', line: 6, messageId: 'off' },
        { path: 'shielded_instance_config[0].enable_vtpm', line: 7, messageId: 'off' },
      ],
    },
  ],
});
