import { defineCheck } from '../../define-check.js';
import { boolOf, firstBlock } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0128',
    slug: 'azure-aks-rbac-disabled',
    title: 'AKS cluster has Kubernetes RBAC disabled',
    severity: 'high',
    category: 'iam',
    kinds: ['azurerm_kubernetes_cluster'],
    description:
      'An `azurerm_kubernetes_cluster` sets `role_based_access_control_enabled = false` (azurerm 3.x/4.x) or `role_based_access_control { enabled = false }` (azurerm 2.x).',
    rationale:
      'Without RBAC every authenticated identity — including every pod service account — is effectively cluster-admin. RBAC cannot be turned on later without recreating the cluster (CIS AKS 4.1).',
    remediation: `Keep RBAC on (the default) and, ideally, integrate Entra ID authorization.

\`\`\`hcl
resource "azurerm_kubernetes_cluster" "main" {
  name                              = "main"
  location                          = "westeurope"
  resource_group_name               = "rg"
  dns_prefix                        = "main"
  role_based_access_control_enabled = true

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/aks/concepts-identity', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#role_based_access_control_enabled'],
    standards: { cis: ['AKS 4.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_5', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0042', match: 'partial' },
    ],
    messages: { disabled: 'Cluster disables Kubernetes RBAC: every authenticated identity is effectively cluster-admin.' },
    examples: {
      good: `resource "azurerm_kubernetes_cluster" "good" {
  name                = "good"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "good"

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2s_v5"
  }
}
`,
      bad: `resource "azurerm_kubernetes_cluster" "bad" {
  name                              = "bad"
  location                          = "westeurope"
  resource_group_name               = "rg"
  dns_prefix                        = "bad"
  role_based_access_control_enabled = false
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (boolOf(v.role_based_access_control_enabled) === false) ctx.report({ path: ['role_based_access_control_enabled'] });
    const legacy = firstBlock(v, 'role_based_access_control');
    if (legacy && boolOf(legacy.block.enabled) === false) ctx.report({ path: [...legacy.path, 'enabled'] });
  },
});
