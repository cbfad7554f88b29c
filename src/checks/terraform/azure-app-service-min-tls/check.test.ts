import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'default TLS',
      code: `resource "azurerm_windows_web_app" "w" {
  name                = "w"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"

  site_config {}
}
`,
    },
  ],
  invalid: [
    {
      name: 'legacy app service min_tls_version',
      code: `resource "azurerm_app_service" "a" {
  name                = "a"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = "plan"

  site_config {
    min_tls_version = "1.1"
  }
}
`,
      errors: [{ path: 'site_config[0].min_tls_version', line: 8 }],
    },
  ],
});
