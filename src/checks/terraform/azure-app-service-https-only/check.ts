import { defineCheck } from '../../define-check.js';
import { AZURE_APP_SERVICE_KINDS, boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0139',
    slug: 'azure-app-service-https-only',
    title: 'App Service or Function App accepts plain HTTP',
    severity: 'high',
    category: 'encryption',
    kinds: [...AZURE_APP_SERVICE_KINDS],
    description: 'A web app or function app (`azurerm_linux_web_app`, `azurerm_windows_function_app`, …) does not set `https_only = true` (the default is false).',
    rationale:
      'Without HTTPS-only the app answers plain HTTP, so session cookies, tokens and form data can be read or altered on the network, and users who type the bare host name never get redirected to TLS (CIS Azure 9.2).',
    remediation: `Redirect all HTTP traffic to HTTPS.

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
    references: ['https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-https', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#https_only'],
    standards: { cis: ['Azure 9.2'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_14', match: 'same' },
      { tool: 'checkov', id: 'CKV_AZURE_70', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0004', match: 'partial' },
    ],
    messages: {
      missing: 'App does not set https_only = true: plain HTTP requests are served.',
      disabled: 'App sets https_only = false: plain HTTP requests are served.',
    },
    examples: {
      good: `resource "azurerm_linux_web_app" "good" {
  name                = "good-app"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"
  https_only          = true

  site_config {}
}
`,
      bad: `resource "azurerm_linux_web_app" "bad" {
  name                = "bad-app"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = "plan"

  site_config {}
}
`,
    },
  },
  run(obj, ctx) {
    const https = boolOf(obj.value.https_only);
    if (https === true || https === 'unknown') return;
    if (https === false) ctx.report({ path: ['https_only'], messageId: 'disabled' });
    else ctx.report({ path: [], messageId: 'missing' });
  },
});
