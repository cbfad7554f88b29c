import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'Dataplane V2',
      code: `resource "google_container_cluster" "c" {
  name              = "c"
  location          = "europe-west1"
  datapath_provider = "ADVANCED_DATAPATH"
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
      name: 'policy disabled',
      code: `resource "google_container_cluster" "c" {
  name     = "c"
  location = "europe-west1"

  network_policy {
    enabled = false
  }
}
`,
      errors: [{ path: 'network_policy[0].enabled', line: 6, messageId: 'disabled' }],
    },
    {
      name: 'legacy datapath without policy',
      code: `resource "google_container_cluster" "c" {
  name              = "c"
  location          = "europe-west1"
  datapath_provider = "LEGACY_DATAPATH"
}
`,
      errors: [{ path: '', line: 1, messageId: 'missing' }],
    },
  ],
});
