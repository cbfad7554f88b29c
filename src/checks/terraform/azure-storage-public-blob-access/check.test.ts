import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'azurerm 2.x account with public access off',
      code: `resource "azurerm_storage_account" "s" {
  name                     = "s"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_blob_public_access = false
}
`,
    },
    {
      name: 'private container',
      code: `resource "azurerm_storage_container" "c" {
  name                  = "c"
  storage_account_name  = "s"
  container_access_type = "private"
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly allowed',
      code: `resource "azurerm_storage_account" "s" {
  name                            = "s"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true
}
`,
      errors: [{ path: 'allow_nested_items_to_be_public', line: 7, messageId: 'accountEnabled' }],
    },
    {
      name: 'public container',
      code: `resource "azurerm_storage_container" "c" {
  name                  = "c"
  storage_account_name  = "s"
  container_access_type = "container"
}
`,
      errors: [{ path: 'container_access_type', line: 4, messageId: 'container' }],
    },
  ],
});
