import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'allow Azure services',
      code: `resource "azurerm_sql_firewall_rule" "azure" {
  name                = "AllowAzure"
  resource_group_name = "rg"
  server_name         = "sql"
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "0.0.0.0"
}
`,
    },
  ],
  invalid: [
    {
      name: 'half the internet on a flexible server',
      code: `resource "azurerm_postgresql_flexible_server_firewall_rule" "r" {
  name             = "wide"
  server_id        = "pg"
  start_ip_address = "0.0.0.0"
  end_ip_address   = "127.255.255.255"
}
`,
      errors: [{ path: 'end_ip_address', line: 5, messageId: 'wide' }],
    },
  ],
});
