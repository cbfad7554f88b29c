import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'policy from an unset variable',
      code: `variable "policy" {
  type = string
}

resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"

  network_profile {
    network_plugin = "azure"
    network_policy = var.policy
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'no network profile',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"
}
`,
      errors: [{ path: '', line: 1, messageId: 'noProfile' }],
    },
    {
      name: 'profile without policy',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"

  network_profile {
    network_plugin = "kubenet"
  }
}
`,
      errors: [{ path: 'network_profile[0]', line: 7, messageId: 'noPolicy' }],
    },
  ],
});
