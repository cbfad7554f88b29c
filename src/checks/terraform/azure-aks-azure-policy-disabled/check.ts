import { defineCheck } from '../../define-check.js';
import { boolOf, firstBlock } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0132',
    slug: 'azure-aks-azure-policy-disabled',
    title: 'AKS cluster without the Azure Policy add-on',
    severity: 'low',
    category: 'best-practice',
    kinds: ['azurerm_kubernetes_cluster'],
    description:
      'An `azurerm_kubernetes_cluster` does not set `azure_policy_enabled = true` (azurerm 3.x/4.x) or `addon_profile { azure_policy { enabled = true } }` (azurerm 2.x).',
    rationale:
      'The Azure Policy add-on runs Gatekeeper admission control so organisation-wide guard rails (no privileged pods, approved registries, …) are enforced in the cluster and reported centrally; without it they rely on every team\'s pipeline.',
    remediation: `Enable the add-on.

\`\`\`hcl
resource "azurerm_kubernetes_cluster" "main" {
  name                 = "main"
  location             = "westeurope"
  resource_group_name  = "rg"
  dns_prefix           = "main"
  azure_policy_enabled = true
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#azure_policy_enabled'],
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_116', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0066', match: 'same' },
    ],
    messages: {
      missing: 'Cluster does not enable the Azure Policy add-on.',
      disabled: 'Cluster disables the Azure Policy add-on.',
    },
    examples: {
      good: `resource "azurerm_kubernetes_cluster" "good" {
  name                 = "good"
  location             = "westeurope"
  resource_group_name  = "rg"
  dns_prefix           = "good"
  azure_policy_enabled = true
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
    const v = obj.value;
    const modern = boolOf(v.azure_policy_enabled);
    if (modern === true || modern === 'unknown') return;
    if (modern === false) {
      ctx.report({ path: ['azure_policy_enabled'], messageId: 'disabled' });
      return;
    }
    const addon = firstBlock(v, 'addon_profile');
    const policy = addon ? firstBlock(addon.block, 'azure_policy', addon.path) : undefined;
    if (policy) {
      const enabled = boolOf(policy.block.enabled);
      if (enabled === true || enabled === 'unknown') return;
      ctx.report({ path: enabled === false ? [...policy.path, 'enabled'] : policy.path, messageId: 'disabled' });
      return;
    }
    ctx.report({ path: [], messageId: 'missing' });
  },
});
