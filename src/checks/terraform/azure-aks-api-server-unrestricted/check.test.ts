import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'azurerm 3.x authorized ranges',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"

  api_server_access_profile {
    authorized_ip_ranges = ["198.51.100.0/24"]
  }
}
`,
    },
    {
      name: 'legacy attribute',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                            = "k"
  location                        = "westeurope"
  resource_group_name             = "rg"
  dns_prefix                      = "k"
  api_server_authorized_ip_ranges = ["198.51.100.0/24"]
}
`,
    },
  ],
  invalid: [
    {
      name: 'open range',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"

  api_server_access_profile {
    authorized_ip_ranges = ["0.0.0.0/0"]
  }
}
`,
      errors: [{ path: 'api_server_access_profile[0].authorized_ip_ranges[0]', line: 8, messageId: 'openRange' }],
    },
    {
      name: 'profile without ranges',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"

  api_server_access_profile {
  }
}
`,
      errors: [{ path: 'api_server_access_profile[0]', line: 7, messageId: 'unrestricted' }],
    },
  ],
});
