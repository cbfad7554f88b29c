import { defineCheck } from '../../define-check.js';
import { AZURE_APP_SERVICE_KINDS, firstBlock, strOf } from '../../_lib/terraform-cloud.js';

const WEAK = new Set(['1.0', '1.1']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0140',
    slug: 'azure-app-service-min-tls',
    title: 'App Service or Function App allows TLS 1.0 or 1.1',
    severity: 'medium',
    category: 'encryption',
    kinds: [...AZURE_APP_SERVICE_KINDS],
    description:
      'A web app or function app sets `site_config.minimum_tls_version` (azurerm 3.x/4.x) or `site_config.min_tls_version` (`azurerm_app_service`) to `1.0` or `1.1`; the default is `1.2`.',
    rationale:
      'TLS 1.0 and 1.1 are deprecated (RFC 8996) and allow weak cipher suites and downgrade attacks against the app\'s users (CIS Azure 9.3).',
    remediation: `Require TLS 1.2 or later.

\`\`\`hcl
resource "azurerm_linux_web_app" "app" {
  name                = "example-app"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  service_plan_id     = azurerm_service_plan.main.id
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
  }
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/app-service/overview-tls', 'https://www.rfc-editor.org/rfc/rfc8996'],
    standards: { cis: ['Azure 9.3'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_15', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0006', match: 'partial' },
    ],
    messages: { weak: 'App accepts TLS {{version}}.' },
    examples: {
      good: `resource "azurerm_linux_web_app" "good" {
  name                = "good-app"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"

  site_config {
    minimum_tls_version = "1.2"
  }
}
`,
      bad: `resource "azurerm_linux_web_app" "bad" {
  name                = "bad-app"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"

  site_config {
    minimum_tls_version = "1.0"
  }
}
`,
    },
  },
  run(obj, ctx) {
    const sc = firstBlock(obj.value, 'site_config');
    if (!sc) return;
    for (const key of ['minimum_tls_version', 'min_tls_version', 'scm_minimum_tls_version']) {
      const version = strOf(sc.block[key]);
      if (typeof version === 'string' && WEAK.has(version.trim())) ctx.report({ path: [...sc.path, key], data: { version } });
    }
  },
});
