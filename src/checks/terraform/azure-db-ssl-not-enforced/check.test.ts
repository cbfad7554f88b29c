import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'other server parameter',
      code: `resource "azurerm_mysql_flexible_server_configuration" "c" {
  name                = "slow_query_log"
  resource_group_name = "rg"
  server_name         = "mysql"
  value               = "off"
}
`,
    },
  ],
  invalid: [
    {
      name: 'single server with SSL off and TLS 1.0',
      code: `resource "azurerm_mysql_server" "s" {
  name                             = "s"
  location                         = "westeurope"
  resource_group_name              = "rg"
  sku_name                         = "B_Gen5_1"
  version                          = "8.0"
  ssl_enforcement_enabled          = false
  ssl_minimal_tls_version_enforced = "TLS1_0"
}
`,
      errors: [
        { path: 'ssl_enforcement_enabled', line: 7, messageId: 'disabled' },
        { path: 'ssl_minimal_tls_version_enforced', line: 8, messageId: 'weakTls' },
      ],
    },
  ],
});
