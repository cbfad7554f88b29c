import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'OS Login enabled',
      code: `resource "google_compute_instance" "i" {
  name         = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    enable-oslogin = "TRUE"
  }
}
`,
    },
    {
      name: 'metadata from an unset variable is unknown',
      code: `variable "md" {
  type = map(string)
}

resource "google_compute_instance" "i" {
  name         = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  metadata     = var.md
}
`,
    },
  ],
  invalid: [
    {
      name: 'metadata without the key',
      code: `resource "google_compute_instance" "i" {
  name         = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    startup-script = "echo hi"
  }
}
`,
      errors: [{ path: 'metadata', line: 6, messageId: 'missing' }],
    },
    {
      name: 'explicitly false',
      code: `resource "google_compute_instance_template" "t" {
  machine_type = "e2-small"

  metadata = {
    block-project-ssh-keys = false
  }
}
`,
      errors: [{ path: 'metadata.block-project-ssh-keys', line: 5, messageId: 'disabled' }],
    },
  ],
});
