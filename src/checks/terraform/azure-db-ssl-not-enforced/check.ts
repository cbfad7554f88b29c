import { defineCheck } from '../../define-check.js';
import { boolOf, strOf } from '../../_lib/terraform-cloud.js';

const SINGLE_SERVERS = new Set(['azurerm_postgresql_server', 'azurerm_mysql_server', 'azurerm_mariadb_server']);
const WEAK_TLS = new Set(['TLS1_0', 'TLS1_1', 'TLSENFORCEMENTDISABLED']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0142',
    slug: 'azure-db-ssl-not-enforced',
    title: 'Azure PostgreSQL / MySQL server accepts unencrypted connections',
    severity: 'high',
    category: 'encryption',
    kinds: [
      'azurerm_postgresql_server',
      'azurerm_mysql_server',
      'azurerm_mariadb_server',
      'azurerm_postgresql_flexible_server_configuration',
      'azurerm_mysql_flexible_server_configuration',
    ],
    description:
      'A single server sets `ssl_enforcement_enabled = false` or an `ssl_minimal_tls_version_enforced` below TLS 1.2, or a flexible-server configuration sets `require_secure_transport` to `off`.',
    rationale:
      'Without enforced TLS, clients can connect in plaintext and send passwords and query results readable by anyone on the path; old TLS versions can be downgraded (CIS Azure 4.3.1, 4.4.1).',
    remediation: `Enforce TLS 1.2 for every connection.

\`\`\`hcl
resource "azurerm_postgresql_server" "db" {
  name                             = "example-pg"
  location                         = azurerm_resource_group.main.location
  resource_group_name              = azurerm_resource_group.main.name
  sku_name                         = "GP_Gen5_2"
  version                          = "11"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls', 'https://learn.microsoft.com/azure/mysql/flexible-server/how-to-connect-tls-ssl'],
    standards: { cis: ['Azure 4.3.1', 'Azure 4.4.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_29', match: 'partial' },
      { tool: 'checkov', id: 'CKV_AZURE_28', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0020', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0026', match: 'partial' },
    ],
    messages: {
      disabled: 'Server sets ssl_enforcement_enabled = false: plaintext connections are accepted.',
      weakTls: 'Server enforces only {{version}}.',
      transport: 'Flexible server sets require_secure_transport = "{{value}}": plaintext connections are accepted.',
    },
    examples: {
      good: `resource "azurerm_postgresql_flexible_server_configuration" "good" {
  name      = "require_secure_transport"
  server_id = "pg"
  value     = "on"
}
`,
      bad: `resource "azurerm_postgresql_flexible_server_configuration" "bad" {
  name      = "require_secure_transport"
  server_id = "pg"
  value     = "off"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (SINGLE_SERVERS.has(obj.kind)) {
      if (boolOf(v.ssl_enforcement_enabled) === false) ctx.report({ path: ['ssl_enforcement_enabled'], messageId: 'disabled' });
      const tls = strOf(v.ssl_minimal_tls_version_enforced);
      if (typeof tls === 'string' && WEAK_TLS.has(tls.toUpperCase())) ctx.report({ path: ['ssl_minimal_tls_version_enforced'], messageId: 'weakTls', data: { version: tls } });
      return;
    }
    const name = strOf(v.name);
    const value = strOf(v.value);
    if (name?.toLowerCase() !== 'require_secure_transport' || typeof value !== 'string') return;
    if (['off', '0', 'false'].includes(value.trim().toLowerCase())) ctx.report({ path: ['value'], messageId: 'transport', data: { value } });
  },
});
