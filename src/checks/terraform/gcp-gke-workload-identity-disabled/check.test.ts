import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'Autopilot always uses Workload Identity',
      code: `resource "google_container_cluster" "c" {
  name             = "c"
  location         = "europe-west1"
  enable_autopilot = true
}
`,
    },
    {
      name: 'node pool with the GKE metadata server',
      code: `resource "google_container_node_pool" "p" {
  name    = "p"
  cluster = "c"

  node_config {
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'inline node pool exposes metadata on a Workload Identity cluster',
      code: `resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"

  workload_identity_config {
    workload_pool = "p.svc.id.goog"
  }

  node_pool {
    name = "legacy"

    node_config {
      workload_metadata_config {
        mode = "GCE_METADATA"
      }
    }
  }
}
`,
      errors: [{ path: 'node_pool[0].node_config[0].workload_metadata_config[0].mode', line: 14, messageId: 'exposed' }],
    },
    {
      name: 'deprecated node_metadata on a node pool resource',
      code: `resource "google_container_node_pool" "p" {
  name    = "p"
  cluster = "c"

  node_config {
    workload_metadata_config {
      node_metadata = "EXPOSE"
    }
  }
}
`,
      errors: [{ path: 'node_config[0].workload_metadata_config[0].node_metadata', line: 7, messageId: 'exposed' }],
    },
  ],
});
