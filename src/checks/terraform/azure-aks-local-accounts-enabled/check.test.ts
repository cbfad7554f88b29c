import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'disabled via a variable default',
      code: `variable "disable_local" {
  default = true
}

resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"
  local_account_disabled = var.disable_local
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly enabled',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"
  local_account_disabled = false
}
`,
      errors: [{ path: 'local_account_disabled', line: 6, messageId: 'enabled' }],
    },
  ],
});
