import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'azurerm 2.x add-on profile',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"

  addon_profile {
    azure_policy {
      enabled = true
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'azurerm 2.x add-on disabled',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"

  addon_profile {
    azure_policy {
      enabled = false
    }
  }
}
`,
      errors: [{ path: 'addon_profile[0].azure_policy[0].enabled', line: 9, messageId: 'disabled' }],
    },
  ],
});
