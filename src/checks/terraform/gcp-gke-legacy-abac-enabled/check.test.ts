import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'explicitly disabled',
      code: `resource "google_container_cluster" "c" {
  name               = "c"
  location           = "europe-west1"
  enable_legacy_abac = false
}
`,
    },
  ],
  invalid: [
    {
      name: 'enabled through a variable default',
      code: `variable "abac" {
  default = true
}

resource "google_container_cluster" "c" {
  name               = "c"
  location           = "europe-west1"
  enable_legacy_abac = var.abac
}
`,
      errors: [{ path: 'enable_legacy_abac', line: 8 }],
    },
  ],
});
