import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'dynamic access_config over an empty list',
      code: `resource "google_compute_instance" "i" {
  name = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  network_interface {
    network = "default"

    dynamic "access_config" {
      for_each = []
      content {}
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'second interface is public',
      code: `resource "google_compute_instance" "i" {
  name = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  network_interface {
    network = "default"
  }

  network_interface {
    network = "other"

    access_config {
      network_tier = "PREMIUM"
    }
  }
}
`,
      errors: [{ path: 'network_interface[1].access_config[0]', line: 13 }],
    },
  ],
});
