import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'azurerm 2.x block enabled',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"

  role_based_access_control {
    enabled = true
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'azurerm 2.x block disabled',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"

  role_based_access_control {
    enabled = false
  }
}
`,
      errors: [{ path: 'role_based_access_control[0].enabled', line: 8 }],
    },
  ],
});
