import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0135',
    slug: 'azure-keyvault-network-acl-allow',
    title: 'Key Vault firewall allows all networks',
    severity: 'medium',
    category: 'network',
    kinds: ['azurerm_key_vault'],
    description:
      'An `azurerm_key_vault` keeps public network access on and has no `network_acls { default_action = "Deny" }` (without the block, every network is allowed).',
    rationale:
      'A vault reachable from every network turns any leaked client secret or token into immediate access to keys and secrets from anywhere. Denying by default and allowing only listed VNets, IP ranges or private endpoints confines that risk (CIS Azure 8.6).',
    remediation: `Deny by default and allow only the networks that need the vault (or use a private endpoint and disable public access).

\`\`\`hcl
resource "azurerm_key_vault" "main" {
  name                = "example-kv"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
    ip_rules       = ["203.0.113.0/24"]
  }
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/key-vault/general/network-security', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault#network_acls'],
    standards: { cis: ['Azure 8.6'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_109', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0013', match: 'same' },
    ],
    messages: {
      missing: 'Key Vault has no network_acls: every network can reach it.',
      allow: 'Key Vault network_acls.default_action is "{{action}}": every network can reach it.',
    },
    examples: {
      good: `resource "azurerm_key_vault" "good" {
  name                = "good-kv"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
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
    const v = obj.value;
    const publicAccess = boolOf(v.public_network_access_enabled);
    if (publicAccess === false || publicAccess === 'unknown') return;
    const acls = blocksAt(v, 'network_acls');
    if (acls.unknown) return;
    const acl = acls.items[0];
    if (!acl) {
      ctx.report({ path: [], messageId: 'missing' });
      return;
    }
    const action = strOf(acl.block.default_action);
    if (action === null || action?.toLowerCase() === 'deny') return;
    ctx.report({ path: action === undefined ? acl.path : [...acl.path, 'default_action'], messageId: 'allow', data: { action: action ?? 'unset' } });
  },
});
