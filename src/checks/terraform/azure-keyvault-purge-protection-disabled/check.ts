import { defineCheck } from '../../define-check.js';
import { boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0134',
    slug: 'azure-keyvault-purge-protection-disabled',
    title: 'Key Vault without purge protection',
    severity: 'medium',
    category: 'backup',
    kinds: ['azurerm_key_vault'],
    description: 'An `azurerm_key_vault` does not set `purge_protection_enabled = true` (off by default).',
    rationale:
      'Soft delete alone lets anyone with purge permission destroy a deleted vault, key or secret for good — including an attacker or a faulty pipeline — taking every system that decrypts with those keys down with it. Purge protection enforces the retention period (CIS Azure 8.5).',
    remediation: `Enable purge protection (it cannot be turned off again).

\`\`\`hcl
resource "azurerm_key_vault" "main" {
  name                       = "example-kv"
  location                   = azurerm_resource_group.main.location
  resource_group_name        = azurerm_resource_group.main.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview#purge-protection', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault#purge_protection_enabled'],
    standards: { cis: ['Azure 8.5'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_110', match: 'same' },
      { tool: 'checkov', id: 'CKV_AZURE_42', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0016', match: 'partial' },
    ],
    messages: {
      missing: 'Key Vault does not enable purge protection: deleted keys and secrets can be purged immediately.',
      disabled: 'Key Vault sets purge_protection_enabled = false.',
    },
    examples: {
      good: `resource "azurerm_key_vault" "good" {
  name                     = "good-kv"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = true
}
`,
      bad: `resource "azurerm_key_vault" "bad" {
  name                = "bad-kv"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
`,
    },
  },
  run(obj, ctx) {
    const enabled = boolOf(obj.value.purge_protection_enabled);
    if (enabled === true || enabled === 'unknown') return;
    if (enabled === false) ctx.report({ path: ['purge_protection_enabled'], messageId: 'disabled' });
    else ctx.report({ path: [], messageId: 'missing' });
  },
});
