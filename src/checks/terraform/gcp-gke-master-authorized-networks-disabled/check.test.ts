import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'empty block still limits access to Google and listed ranges',
      code: `resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"

  master_authorized_networks_config {
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'missing block is reported on the resource',
      code: `resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"
}
`,
      errors: [{ path: '', line: 1 }],
    },
  ],
});
