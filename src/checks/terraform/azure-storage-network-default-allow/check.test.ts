import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'separate network rules resource',
      code: `resource "azurerm_storage_account" "s" {
  name                     = "s"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_network_rules" "r" {
  storage_account_id = azurerm_storage_account.s.id
  default_action     = "Deny"
}
`,
    },
    {
      name: 'public network access disabled',
      code: `resource "azurerm_storage_account" "s" {
  name                          = "s"
  resource_group_name           = "rg"
  location                      = "westeurope"
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = false
}
`,
    },
  ],
  invalid: [
    {
      name: 'inline Allow',
      code: `resource "azurerm_storage_account" "s" {
  name                     = "s"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action = "Allow"
  }
}
`,
      errors: [{ path: 'network_rules[0].default_action', line: 9, messageId: 'allow' }],
    },
    {
      name: 'separate rules resource with Allow',
      code: `resource "azurerm_storage_account_network_rules" "r" {
  storage_account_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s"
  default_action     = "Allow"
}
`,
      errors: [{ path: 'default_action', line: 3, messageId: 'allow' }],
    },
  ],
});
