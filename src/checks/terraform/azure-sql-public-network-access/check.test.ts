import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'value from an unset variable',
      code: `variable "public" {
  type = bool
}

resource "azurerm_mssql_server" "s" {
  name                          = "s"
  resource_group_name           = "rg"
  location                      = "westeurope"
  version                       = "12.0"
  public_network_access_enabled = var.public
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly enabled',
      code: `resource "azurerm_mssql_server" "s" {
  name                          = "s"
  resource_group_name           = "rg"
  location                      = "westeurope"
  version                       = "12.0"
  public_network_access_enabled = true
}
`,
      errors: [{ path: 'public_network_access_enabled', line: 6, messageId: 'enabled' }],
    },
  ],
});
