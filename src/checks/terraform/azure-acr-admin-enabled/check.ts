import { defineCheck } from '../../define-check.js';
import { boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0143',
    slug: 'azure-acr-admin-enabled',
    title: 'Container registry admin user is enabled',
    severity: 'medium',
    category: 'iam',
    kinds: ['azurerm_container_registry'],
    description: 'An `azurerm_container_registry` sets `admin_enabled = true`.',
    rationale:
      'The admin user is a single shared username/password with push and pull rights on every repository; it cannot be scoped, is not tied to a person and ends up in CI variables and kubeconfigs. A leaked password lets anyone replace images that production pulls.',
    remediation: `Disable the admin user; authenticate with Entra ID identities (managed identities, service principals) and scoped tokens.

\`\`\`hcl
resource "azurerm_container_registry" "acr" {
  name                = "exampleacr"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  sku                 = "Premium"
  admin_enabled       = false
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/container-registry/container-registry-authentication#admin-account', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry#admin_enabled'],
    peers: [{ tool: 'checkov', id: 'CKV_AZURE_137', match: 'same' }],
    messages: { admin: 'Registry enables the shared admin user.' },
    examples: {
      good: `resource "azurerm_container_registry" "good" {
  name                = "goodacr"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Standard"
}
`,
      bad: `resource "azurerm_container_registry" "bad" {
  name                = "badacr"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Standard"
  admin_enabled       = true
}
`,
    },
  },
  run(obj, ctx) {
    if (boolOf(obj.value.admin_enabled) === true) ctx.report({ path: ['admin_enabled'] });
  },
});
