import { defineCheck } from '../../define-check.js';
import { blocksAt, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0129',
    slug: 'azure-aks-network-policy-missing',
    title: 'AKS cluster does not enforce Kubernetes NetworkPolicies',
    severity: 'medium',
    category: 'network',
    kinds: ['azurerm_kubernetes_cluster'],
    description: 'An `azurerm_kubernetes_cluster` has no `network_profile.network_policy` (`azure`, `calico` or `cilium`), so NetworkPolicy objects are not enforced.',
    rationale:
      'Without a network policy engine all pods can reach each other across namespaces, and NetworkPolicies written by teams silently have no effect. The engine can only be chosen when the cluster is created (CIS AKS 5.3.2).',
    remediation: `Choose a network policy engine in \`network_profile\`.

\`\`\`hcl
resource "azurerm_kubernetes_cluster" "main" {
  name                = "main"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "main"

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/aks/use-network-policies', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#network_policy'],
    standards: { cis: ['AKS 5.3.2'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_7', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0043', match: 'same' },
    ],
    messages: {
      noProfile: 'Cluster has no network_profile: the default kubenet network enforces no NetworkPolicies.',
      noPolicy: 'network_profile sets no network_policy: NetworkPolicies are not enforced.',
      none: 'network_profile sets network_policy = "{{policy}}": NetworkPolicies are not enforced.',
    },
    examples: {
      good: `resource "azurerm_kubernetes_cluster" "good" {
  name                = "good"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "good"

  network_profile {
    network_plugin = "azure"
    network_policy = "calico"
  }
}
`,
      bad: `resource "azurerm_kubernetes_cluster" "bad" {
  name                = "bad"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "bad"

  network_profile {
    network_plugin = "azure"
  }
}
`,
    },
  },
  run(obj, ctx) {
    const profiles = blocksAt(obj.value, 'network_profile');
    if (profiles.unknown) return;
    const profile = profiles.items[0];
    if (!profile) {
      ctx.report({ path: [], messageId: 'noProfile' });
      return;
    }
    const policy = strOf(profile.block.network_policy);
    if (policy === null) return;
    if (policy === undefined || policy === '') ctx.report({ path: profile.path, messageId: 'noPolicy' });
    else if (policy.toLowerCase() === 'none') ctx.report({ path: [...profile.path, 'network_policy'], messageId: 'none', data: { policy } });
  },
});
