import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'legacy bucket_policy_only',
      code: `resource "google_storage_bucket" "b" {
  name               = "b"
  location           = "EU"
  bucket_policy_only = true
}
`,
    },
    {
      name: 'value from a variable without default is unknown',
      code: `variable "ubla" {
  type = bool
}

resource "google_storage_bucket" "b" {
  name                        = "b"
  location                    = "EU"
  uniform_bucket_level_access = var.ubla
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly disabled',
      code: `resource "google_storage_bucket" "b" {
  name                        = "b"
  location                    = "EU"
  uniform_bucket_level_access = false
}
`,
      errors: [{ path: 'uniform_bucket_level_access', line: 4, messageId: 'disabled' }],
    },
    {
      name: 'missing, reported on the resource',
      code: `resource "google_storage_bucket" "b" {
  name     = "b"
  location = "EU"
}
`,
      errors: [{ path: '', line: 1, messageId: 'missing' }],
    },
  ],
});
