import { defineCheck } from '../../define-check.js';
import { relatedResources } from '../../_lib/terraform.js';
import { blocksAt, boolOf, firstBlock } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0133',
    slug: 'azure-aks-logging-disabled',
    title: 'AKS cluster sends no logs to Azure Monitor',
    severity: 'medium',
    category: 'logging',
    kinds: ['azurerm_kubernetes_cluster'],
    description:
      'An `azurerm_kubernetes_cluster` has no `oms_agent` block (Container Insights; `addon_profile.oms_agent` in azurerm 2.x) and no `azurerm_monitor_diagnostic_setting` targets it.',
    rationale:
      'Without Container Insights or diagnostic settings neither container logs nor control-plane audit logs leave the cluster, so an intrusion cannot be detected or investigated after nodes are recycled (CIS AKS 2.1.1).',
    remediation: `Send logs to a Log Analytics workspace (Container Insights and/or diagnostic settings with the kube-audit category).

\`\`\`hcl
resource "azurerm_kubernetes_cluster" "main" {
  name                = "main"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "main"

  oms_agent {
    log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id
  }
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/azure-monitor/containers/container-insights-onboard', 'https://learn.microsoft.com/azure/aks/monitor-aks'],
    standards: { cis: ['AKS 2.1.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_4', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0040', match: 'partial' },
    ],
    messages: {
      missing: 'Cluster has no oms_agent and no diagnostic setting: its logs stay on the nodes.',
      disabled: 'Cluster disables the OMS agent add-on and has no diagnostic setting.',
    },
    examples: {
      good: `resource "azurerm_kubernetes_cluster" "good" {
  name                = "good"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "good"

  oms_agent {
    log_analytics_workspace_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w"
  }
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
    const oms = blocksAt(v, 'oms_agent');
    if (oms.unknown || oms.items.length > 0) return;
    if (relatedResources(ctx.index, 'azurerm_monitor_diagnostic_setting', 'target_resource_id', obj).length > 0) return;
    const addon = firstBlock(v, 'addon_profile');
    const legacy = addon ? firstBlock(addon.block, 'oms_agent', addon.path) : undefined;
    if (legacy) {
      const enabled = boolOf(legacy.block.enabled);
      if (enabled === true || enabled === 'unknown') return;
      ctx.report({ path: enabled === false ? [...legacy.path, 'enabled'] : legacy.path, messageId: 'disabled' });
      return;
    }
    ctx.report({ path: [], messageId: 'missing' });
  },
});
