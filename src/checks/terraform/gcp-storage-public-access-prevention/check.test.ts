import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'enforced through a local value',
      code: `locals {
  pap = "enforced"
}

resource "google_storage_bucket" "b" {
  name                     = "b"
  location                 = "EU"
  public_access_prevention = local.pap
}
`,
    },
  ],
  invalid: [
    {
      name: 'inherited',
      code: `resource "google_storage_bucket" "b" {
  name                     = "b"
  location                 = "EU"
  public_access_prevention = "inherited"
}
`,
      errors: [{ path: 'public_access_prevention', line: 4, messageId: 'inherited' }],
    },
    {
      name: 'unset',
      code: `resource "google_storage_bucket" "b" {
  name     = "b"
  location = "EU"
}
`,
      errors: [{ path: '', line: 1, messageId: 'missing' }],
    },
  ],
});
