import { defineCheck } from '../../define-check.js';
import { boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0138',
    slug: 'azure-sql-public-network-access',
    title: 'Azure SQL server has public network access enabled',
    severity: 'medium',
    category: 'network',
    kinds: ['azurerm_mssql_server'],
    description: 'An `azurerm_mssql_server` does not set `public_network_access_enabled = false` (the default is true).',
    rationale:
      'With public network access the server has an internet-facing endpoint guarded only by firewall rules and logins; a single over-broad firewall rule exposes every database on it. Private endpoints keep the server off the internet.',
    remediation: `Disable public network access and connect through a private endpoint.

\`\`\`hcl
resource "azurerm_mssql_server" "main" {
  name                          = "example-sql"
  resource_group_name           = azurerm_resource_group.main.name
  location                      = azurerm_resource_group.main.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#deny-public-network-access', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server#public_network_access_enabled'],
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_113', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0022', match: 'partial' },
    ],
    messages: {
      missing: 'SQL server does not disable public network access (the default is enabled).',
      enabled: 'SQL server sets public_network_access_enabled = true.',
    },
    examples: {
      good: `resource "azurerm_mssql_server" "good" {
  name                          = "good-sql"
  resource_group_name           = "rg"
  location                      = "westeurope"
  version                       = "12.0"
  public_network_access_enabled = false
}
`,
      bad: `resource "azurerm_mssql_server" "bad" {
  name                = "bad-sql"
  resource_group_name = "rg"
  location            = "westeurope"
  version             = "12.0"
}
`,
    },
  },
  run(obj, ctx) {
    const pub = boolOf(obj.value.public_network_access_enabled);
    if (pub === false || pub === 'unknown') return;
    if (pub === true) ctx.report({ path: ['public_network_access_enabled'], messageId: 'enabled' });
    else ctx.report({ path: [], messageId: 'missing' });
  },
});
