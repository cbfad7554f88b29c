import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'default pool removed, separately managed pool with its own account',
      code: `resource "google_container_cluster" "c" {
  name                     = "c"
  location                 = "europe-west1"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_service_account" "nodes" {
  account_id = "nodes"
}

resource "google_container_node_pool" "p" {
  name    = "p"
  cluster = google_container_cluster.c.id

  node_config {
    service_account = google_service_account.nodes.email
  }
}
`,
    },
    {
      name: 'Autopilot',
      code: `resource "google_container_cluster" "c" {
  name             = "c"
  location         = "europe-west1"
  enable_autopilot = true
}
`,
    },
  ],
  invalid: [
    {
      name: 'default pool without node_config is reported on the cluster',
      code: `resource "google_container_cluster" "c" {
  name               = "c"
  location           = "europe-west1"
  initial_node_count = 3
}
`,
      errors: [{ path: '', line: 1, messageId: 'missing' }],
    },
    {
      name: 'explicit default compute account on an inline pool',
      code: `resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"

  node_pool {
    name = "a"

    node_config {
      service_account = "123456789-compute@developer.gserviceaccount.com"
    }
  }
}
`,
      errors: [{ path: 'node_pool[0].node_config[0].service_account', line: 9, messageId: 'explicit' }],
    },
  ],
});
