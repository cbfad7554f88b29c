import type { ConfigObject } from '../../../core/config-object.js';
import { defineCheck } from '../../define-check.js';
import { relatedResources } from '../../_lib/terraform.js';
import { boolOf, firstBlock, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0126',
    slug: 'azure-storage-network-default-allow',
    title: 'Storage account firewall allows all networks by default',
    severity: 'medium',
    category: 'network',
    kinds: ['azurerm_storage_account', 'azurerm_storage_account_network_rules'],
    description:
      'An `azurerm_storage_account` keeps public network access on and has neither a `network_rules { default_action = "Deny" }` block nor an `azurerm_storage_account_network_rules` resource denying by default; or such a rule says `Allow`.',
    rationale:
      'With the default action Allow the account endpoints accept requests from every network, so a leaked key or SAS token works from anywhere. Denying by default and allowing only listed VNets and IP ranges confines the blast radius of a credential leak (CIS Azure 3.8).',
    remediation: `Deny by default and allow only the networks that need the account (or disable public network access).

\`\`\`hcl
resource "azurerm_storage_account" "data" {
  name                     = "examplestorage"
  resource_group_name      = azurerm_resource_group.main.name
  location                 = azurerm_resource_group.main.location
  account_tier             = "Standard"
  account_replication_type = "GRS"

  network_rules {
    default_action             = "Deny"
    bypass                     = ["AzureServices"]
    virtual_network_subnet_ids = [azurerm_subnet.app.id]
  }
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/storage/common/storage-network-security', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_network_rules'],
    standards: { cis: ['Azure 3.8'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_35', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0012', match: 'same' },
    ],
    messages: {
      missing: 'Storage account has no network rules: every network can reach it.',
      allow: 'Network rules set default_action = "{{action}}": every network can reach the account.',
    },
    examples: {
      good: `resource "azurerm_storage_account" "good" {
  name                     = "goodstorage"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action = "Deny"
    ip_rules       = ["203.0.113.0/24"]
  }
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
    const reportAction = (holder: Record<string, unknown>, base: readonly (string | number)[]): boolean => {
      const action = strOf(holder.default_action);
      if (action === null) return true;
      if (typeof action === 'string') {
        if (action.toLowerCase() !== 'deny') ctx.report({ path: [...base, 'default_action'], messageId: 'allow', data: { action } });
        return true;
      }
      return false;
    };
    if (obj.kind === 'azurerm_storage_account_network_rules') {
      reportAction(v, []);
      return;
    }
    const publicAccess = boolOf(v.public_network_access_enabled);
    if (publicAccess === false || publicAccess === 'unknown') return;
    const rules = firstBlock(v, 'network_rules');
    if (rules) {
      if (!reportAction(rules.block, rules.path)) ctx.report({ path: rules.path, messageId: 'allow', data: { action: 'unset' } });
      return;
    }
    // The rules may live in a separate resource (its own finding covers an Allow there).
    const separate: ConfigObject[] = [
      ...relatedResources(ctx.index, 'azurerm_storage_account_network_rules', 'storage_account_id', obj),
      ...relatedResources(ctx.index, 'azurerm_storage_account_network_rules', 'storage_account_name', obj),
    ];
    if (separate.length > 0) return;
    ctx.report({ path: [], messageId: 'missing' });
  },
});
