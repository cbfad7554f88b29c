import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'function app with https_only',
      code: `resource "azurerm_windows_function_app" "f" {
  name                 = "f"
  resource_group_name  = "rg"
  location             = "westeurope"
  service_plan_id      = "plan"
  storage_account_name = "sa"
  https_only           = true

  site_config {}
}
`,
    },
  ],
  invalid: [
    {
      name: 'legacy app service explicitly false',
      code: `resource "azurerm_app_service" "a" {
  name                = "a"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = "plan"
  https_only          = false
}
`,
      errors: [{ path: 'https_only', line: 6, messageId: 'disabled' }],
    },
  ],
});
