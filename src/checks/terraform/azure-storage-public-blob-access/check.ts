import { defineCheck } from '../../define-check.js';
import { boolOf, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0125',
    slug: 'azure-storage-public-blob-access',
    title: 'Storage account or container allows anonymous blob access',
    severity: 'high',
    category: 'storage',
    kinds: ['azurerm_storage_account', 'azurerm_storage_container'],
    description:
      'An `azurerm_storage_account` does not set `allow_nested_items_to_be_public = false` (the azurerm 3.x/4.x default is true; azurerm 2.x used `allow_blob_public_access`), or an `azurerm_storage_container` sets `container_access_type` to `blob` or `container`.',
    rationale:
      'When the account allows it, any container can be switched to anonymous read access, and its blobs can then be listed and downloaded by anyone who guesses the URL — a frequent source of data leaks. Disallowing it at the account level makes the mistake impossible (CIS Azure 3.7).',
    remediation: `Disallow anonymous access on the account and keep containers private; share data with SAS tokens or Entra ID.

\`\`\`hcl
resource "azurerm_storage_account" "data" {
  name                            = "examplestorage"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#allow_nested_items_to_be_public'],
    standards: { cis: ['Azure 3.7'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_190', match: 'same' },
      { tool: 'checkov', id: 'CKV_AZURE_34', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0007', match: 'partial' },
    ],
    messages: {
      accountDefault: 'Storage account does not set allow_nested_items_to_be_public = false; the provider default allows public containers.',
      accountEnabled: 'Storage account sets {{attr}} = true: containers can be made public.',
      container: 'Container access type "{{type}}" allows anonymous reads.',
    },
    examples: {
      good: `resource "azurerm_storage_account" "good" {
  name                            = "goodstorage"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
}
`,
      bad: `resource "azurerm_storage_account" "bad" {
  name                     = "badstorage"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (obj.kind === 'azurerm_storage_container') {
      const type = strOf(v.container_access_type);
      if (typeof type === 'string' && type.toLowerCase() !== 'private') ctx.report({ path: ['container_access_type'], messageId: 'container', data: { type } });
      return;
    }
    const nested = boolOf(v.allow_nested_items_to_be_public);
    if (nested === false || nested === 'unknown') return;
    if (nested === true) {
      ctx.report({ path: ['allow_nested_items_to_be_public'], messageId: 'accountEnabled', data: { attr: 'allow_nested_items_to_be_public' } });
      return;
    }
    // azurerm 2.x: `allow_blob_public_access`, default false. Written down, it tells us which provider generation this is.
    const legacy = boolOf(v.allow_blob_public_access);
    if (legacy === false || legacy === 'unknown') return;
    if (legacy === true) ctx.report({ path: ['allow_blob_public_access'], messageId: 'accountEnabled', data: { attr: 'allow_blob_public_access' } });
    else ctx.report({ path: [], messageId: 'accountDefault' });
  },
});
