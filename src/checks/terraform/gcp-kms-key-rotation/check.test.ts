import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'asymmetric signing key cannot rotate automatically',
      code: `resource "google_kms_crypto_key" "k" {
  name     = "sign"
  key_ring = "r"
  purpose  = "ASYMMETRIC_SIGN"
}
`,
    },
    {
      name: '30 days',
      code: `resource "google_kms_crypto_key" "k" {
  name            = "k"
  key_ring        = "r"
  rotation_period = "2592000s"
}
`,
    },
  ],
  invalid: [
    {
      name: 'one year',
      code: `resource "google_kms_crypto_key" "k" {
  name            = "k"
  key_ring        = "r"
  purpose         = "ENCRYPT_DECRYPT"
  rotation_period = "31536000s"
}
`,
      errors: [{ path: 'rotation_period', line: 5, messageId: 'tooLong' }],
    },
  ],
});
