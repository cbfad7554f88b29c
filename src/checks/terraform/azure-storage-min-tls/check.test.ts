import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'unset uses the provider default TLS1_2',
      code: `resource "azurerm_storage_account" "s" {
  name                     = "s"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
`,
    },
  ],
  invalid: [
    {
      name: 'TLS 1.1 from a variable default',
      code: `variable "tls" {
  default = "TLS1_1"
}

resource "azurerm_storage_account" "s" {
  name                     = "s"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = var.tls
}
`,
      errors: [{ path: 'min_tls_version', line: 11 }],
    },
  ],
});
