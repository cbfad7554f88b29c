import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf, isAnySource, listOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0130',
    slug: 'azure-aks-api-server-unrestricted',
    title: 'AKS API server is reachable from any IP address',
    severity: 'high',
    category: 'network',
    kinds: ['azurerm_kubernetes_cluster'],
    description:
      'An `azurerm_kubernetes_cluster` is not private (`private_cluster_enabled`) and does not limit `api_server_access_profile.authorized_ip_ranges` (azurerm 3.x/4.x) or `api_server_authorized_ip_ranges` (older), or lists `0.0.0.0/0` there.',
    rationale:
      'A public API server without authorized ranges accepts connections from the whole internet, leaving only credentials (and the API server itself) between attackers and the cluster. Private clusters or authorized IP ranges shrink that surface to the networks that administer the cluster (CIS AKS 5.4.1).',
    remediation: `Make the cluster private or list the networks allowed to reach the API server.

\`\`\`hcl
resource "azurerm_kubernetes_cluster" "main" {
  name                = "main"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "main"

  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges', 'https://learn.microsoft.com/azure/aks/private-clusters'],
    standards: { cis: ['AKS 5.4.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_6', match: 'same' },
      { tool: 'checkov', id: 'CKV_AZURE_115', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0041', match: 'same' },
    ],
    messages: {
      unrestricted: 'Public API server has no authorized IP ranges: any address can reach it.',
      openRange: 'Authorized IP range "{{range}}" allows any address to reach the API server.',
    },
    examples: {
      good: `resource "azurerm_kubernetes_cluster" "good" {
  name                    = "good"
  location                = "westeurope"
  resource_group_name     = "rg"
  dns_prefix              = "good"
  private_cluster_enabled = true
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
    const priv = boolOf(v.private_cluster_enabled);
    if (priv === true || priv === 'unknown') return;
    const profiles = blocksAt(v, 'api_server_access_profile');
    if (profiles.unknown) return;
    const lists = [
      ...profiles.items.map((p) => ({ list: listOf(p.block.authorized_ip_ranges), path: [...p.path, 'authorized_ip_ranges'] as (string | number)[] })),
      { list: listOf(v.api_server_authorized_ip_ranges), path: ['api_server_authorized_ip_ranges'] as (string | number)[] },
    ];
    let restricted = false;
    let open = false;
    for (const { list, path } of lists) {
      if (list.unknown) return;
      for (const { value, index } of list.items) {
        if (isAnySource(value)) {
          open = true;
          ctx.report({ path: index === undefined ? path : [...path, index], messageId: 'openRange', data: { range: String(value) } });
        } else restricted = true;
      }
    }
    if (!restricted && !open) ctx.report({ path: profiles.items[0]?.path ?? [], messageId: 'unrestricted' });
  },
});
