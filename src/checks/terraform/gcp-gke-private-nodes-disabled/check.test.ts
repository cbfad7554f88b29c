import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'enabled from a module-style variable',
      code: `variable "private_nodes" {
  default = true
}

resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes = var.private_nodes
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly disabled',
      code: `resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"

  private_cluster_config {
    enable_private_nodes = false
  }
}
`,
      errors: [{ path: 'private_cluster_config[0].enable_private_nodes', line: 6, messageId: 'disabled' }],
    },
    {
      name: 'block without the attribute',
      code: `resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"

  private_cluster_config {
    enable_private_endpoint = false
  }
}
`,
      errors: [{ path: 'private_cluster_config[0]', line: 5, messageId: 'disabled' }],
    },
  ],
});
