import { defineCheck } from '../../define-check.js';
import { boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0131',
    slug: 'azure-aks-local-accounts-enabled',
    title: 'AKS cluster keeps local (non-Entra ID) admin accounts',
    severity: 'medium',
    category: 'iam',
    kinds: ['azurerm_kubernetes_cluster'],
    description: 'An `azurerm_kubernetes_cluster` does not set `local_account_disabled = true` (local accounts are enabled by default).',
    rationale:
      'The local cluster-admin account issues a static client certificate through `az aks get-credentials --admin`: anyone with that Azure permission gets unaudited, non-expiring cluster-admin access that bypasses Entra ID, conditional access and MFA.',
    remediation: `Disable local accounts and authenticate with Entra ID.

\`\`\`hcl
resource "azurerm_kubernetes_cluster" "main" {
  name                   = "main"
  location               = "westeurope"
  resource_group_name    = "rg"
  dns_prefix             = "main"
  local_account_disabled = true

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#local_account_disabled'],
    peers: [{ tool: 'checkov', id: 'CKV_AZURE_141', match: 'same' }],
    messages: {
      missing: 'Cluster does not set local_account_disabled = true: the static admin credential stays available.',
      enabled: 'Cluster sets local_account_disabled = false: the static admin credential stays available.',
    },
    examples: {
      good: `resource "azurerm_kubernetes_cluster" "good" {
  name                   = "good"
  location               = "westeurope"
  resource_group_name    = "rg"
  dns_prefix             = "good"
  local_account_disabled = true
}
`,
      bad: `resource "azurerm_kubernetes_cluster" "bad" {
  name                = "bad"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "bad"
}
`,
    },
  },
  run(obj, ctx) {
    const disabled = boolOf(obj.value.local_account_disabled);
    if (disabled === true || disabled === 'unknown') return;
    if (disabled === false) ctx.report({ path: ['local_account_disabled'], messageId: 'enabled' });
    else ctx.report({ path: [], messageId: 'missing' });
  },
});
