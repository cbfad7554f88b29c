import { defineCheck } from '../../define-check.js';
import { strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0136',
    slug: 'azure-keyvault-item-no-expiry',
    title: 'Key Vault key or secret without an expiration date',
    severity: 'low',
    category: 'secrets',
    kinds: ['azurerm_key_vault_key', 'azurerm_key_vault_secret'],
    description: 'An `azurerm_key_vault_key` or `azurerm_key_vault_secret` has no `expiration_date`.',
    rationale:
      'Keys and secrets without an expiry live forever: nothing forces rotation, and a copy leaked years ago still works. An expiration date makes rotation a scheduled event that monitoring can alert on (CIS Azure 8.1–8.4).',
    remediation: `Set an expiration date and rotate before it (for keys, a \`rotation_policy\` can do it automatically).

\`\`\`hcl
resource "azurerm_key_vault_secret" "db_password" {
  name            = "db-password"
  value           = random_password.db.result
  key_vault_id    = azurerm_key_vault.main.id
  content_type    = "password"
  expiration_date = "2026-12-31T00:00:00Z"
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/key-vault/secrets/about-secrets', 'https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation'],
    standards: { cis: ['Azure 8.1', 'Azure 8.3'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_41', match: 'same' },
      { tool: 'checkov', id: 'CKV_AZURE_40', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0017', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0014', match: 'same' },
    ],
    messages: { missing: 'Key Vault {{item}} has no expiration_date.' },
    examples: {
      good: `resource "azurerm_key_vault_secret" "good" {
  name            = "good"
  value           = "s3cr3t"
  key_vault_id    = "kv"
  expiration_date = "2026-12-31T00:00:00Z"
}
`,
      bad: `resource "azurerm_key_vault_secret" "bad" {
  name         = "bad"
  value        = "s3cr3t"
  key_vault_id = "kv"
}
`,
    },
  },
  run(obj, ctx) {
    const exp = strOf(obj.value.expiration_date);
    if (exp === undefined || exp === '') ctx.report({ path: [], data: { item: obj.kind === 'azurerm_key_vault_key' ? 'key' : 'secret' } });
  },
});
