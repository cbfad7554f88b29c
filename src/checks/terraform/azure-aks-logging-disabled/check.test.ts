import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'diagnostic setting targets the cluster',
      code: `resource "azurerm_kubernetes_cluster" "k" {
  name                = "k"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "k"
}

resource "azurerm_monitor_diagnostic_setting" "d" {
  name                       = "aks"
  target_resource_id         = azurerm_kubernetes_cluster.k.id
  log_analytics_workspace_id = "w"

  enabled_log {
    category = "kube-audit"
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
    oms_agent {
      enabled = false
    }
  }
}
`,
      errors: [{ path: 'addon_profile[0].oms_agent[0].enabled', line: 9, messageId: 'disabled' }],
    },
  ],
});
