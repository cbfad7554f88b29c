import { defineCheck } from '../../define-check.js';
import { boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0123',
    slug: 'azure-storage-https-not-enforced',
    title: 'Storage account accepts plain HTTP requests',
    severity: 'high',
    category: 'encryption',
    kinds: ['azurerm_storage_account'],
    description:
      'An `azurerm_storage_account` sets `https_traffic_only_enabled = false` (azurerm 4.x) or `enable_https_traffic_only = false` (azurerm 3.x); both default to true.',
    rationale:
      'With secure transfer disabled the account accepts HTTP and unencrypted SMB, so shared keys, SAS tokens and data can be read or modified on the network path (CIS Azure 3.1).',
    remediation: `Remove the override (secure transfer is on by default) or set it to true.

\`\`\`hcl
resource "azurerm_storage_account" "data" {
  name                       = "examplestorage"
  resource_group_name        = azurerm_resource_group.main.name
  location                   = azurerm_resource_group.main.location
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = true
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#https_traffic_only_enabled'],
    standards: { cis: ['Azure 3.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_3', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0008', match: 'same' },
    ],
    messages: { disabled: 'Storage account sets {{attr}} = false: HTTP requests are accepted.' },
    examples: {
      good: `resource "azurerm_storage_account" "good" {
  name                     = "goodstorage"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
`,
      bad: `resource "azurerm_storage_account" "bad" {
  name                      = "badstorage"
  resource_group_name       = "rg"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false
}
`,
    },
  },
  run(obj, ctx) {
    for (const attr of ['https_traffic_only_enabled', 'enable_https_traffic_only']) {
      if (boolOf(obj.value[attr]) === false) ctx.report({ path: [attr], data: { attr } });
    }
  },
});
