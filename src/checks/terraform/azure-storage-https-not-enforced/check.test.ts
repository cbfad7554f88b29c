import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'explicitly enabled (4.x name)',
      code: `resource "azurerm_storage_account" "s" {
  name                       = "s"
  resource_group_name        = "rg"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = true
}
`,
    },
  ],
  invalid: [
    {
      name: 'disabled with the 4.x name',
      code: `resource "azurerm_storage_account" "s" {
  name                       = "s"
  resource_group_name        = "rg"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false
}
`,
      errors: [{ path: 'https_traffic_only_enabled', line: 7 }],
    },
  ],
});
