import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'key with an expiry computed at apply time',
      code: `resource "time_offset" "expiry" {
  offset_days = 365
}

resource "azurerm_key_vault_key" "k" {
  name            = "k"
  key_vault_id    = "kv"
  key_type        = "RSA"
  key_size        = 2048
  key_opts        = ["decrypt", "encrypt"]
  expiration_date = time_offset.expiry.rfc3339
}
`,
    },
  ],
  invalid: [
    {
      name: 'key without expiry',
      code: `resource "azurerm_key_vault_key" "k" {
  name         = "k"
  key_vault_id = "kv"
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["decrypt", "encrypt"]
}
`,
      errors: [{ path: '', line: 1 }],
    },
  ],
});
