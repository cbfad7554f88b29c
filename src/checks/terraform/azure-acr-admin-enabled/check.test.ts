import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'explicitly disabled',
      code: `resource "azurerm_container_registry" "r" {
  name                = "r"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Basic"
  admin_enabled       = false
}
`,
    },
  ],
  invalid: [
    {
      name: 'enabled with a string',
      code: `resource "azurerm_container_registry" "r" {
  name                = "r"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Basic"
  admin_enabled       = "true"
}
`,
      errors: [{ path: 'admin_enabled', line: 6 }],
    },
  ],
});
