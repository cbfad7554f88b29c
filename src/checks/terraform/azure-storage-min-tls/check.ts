import { defineCheck } from '../../define-check.js';
import { strOf } from '../../_lib/terraform-cloud.js';

const WEAK = new Set(['TLS1_0', 'TLS1_1']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0124',
    slug: 'azure-storage-min-tls',
    title: 'Storage account allows TLS 1.0 or 1.1',
    severity: 'medium',
    category: 'encryption',
    kinds: ['azurerm_storage_account'],
    description: 'An `azurerm_storage_account` sets `min_tls_version` to `TLS1_0` or `TLS1_1` (azurerm 3.x and later default to `TLS1_2`).',
    rationale:
      'TLS 1.0 and 1.1 have known weaknesses (BEAST, weak MAC and cipher suites) and are deprecated by RFC 8996; allowing them lets old or downgraded clients read storage traffic (CIS Azure 3.15).',
    remediation: `Require TLS 1.2.

\`\`\`hcl
resource "azurerm_storage_account" "data" {
  name                     = "examplestorage"
  resource_group_name      = azurerm_resource_group.main.name
  location                 = azurerm_resource_group.main.location
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_2"
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version', 'https://www.rfc-editor.org/rfc/rfc8996'],
    standards: { cis: ['Azure 3.15'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_44', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0011', match: 'partial' },
    ],
    messages: { weak: 'Storage account accepts {{version}}.' },
    examples: {
      good: `resource "azurerm_storage_account" "good" {
  name                     = "goodstorage"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_2"
}
`,
      bad: `resource "azurerm_storage_account" "bad" {
  name                     = "badstorage"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_0"
}
`,
    },
  },
  run(obj, ctx) {
    const version = strOf(obj.value.min_tls_version);
    if (typeof version === 'string' && WEAK.has(version.toUpperCase())) ctx.report({ path: ['min_tls_version'], data: { version } });
  },
});
