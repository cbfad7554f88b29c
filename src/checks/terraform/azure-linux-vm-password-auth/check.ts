import { defineCheck } from '../../define-check.js';
import { boolOf, firstBlock } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0141',
    slug: 'azure-linux-vm-password-auth',
    title: 'Linux VM allows SSH password authentication',
    severity: 'high',
    category: 'iam',
    kinds: ['azurerm_linux_virtual_machine', 'azurerm_linux_virtual_machine_scale_set', 'azurerm_virtual_machine'],
    description:
      'An `azurerm_linux_virtual_machine` or `azurerm_linux_virtual_machine_scale_set` sets `disable_password_authentication = false`, or a legacy `azurerm_virtual_machine` sets it to false in `os_profile_linux_config`.',
    rationale:
      'Password logins can be brute-forced and phished and are often reused across machines; SSH keys (or Entra ID login) cannot be guessed and can be revoked per person.',
    remediation: `Disable password authentication and log in with SSH keys.

\`\`\`hcl
resource "azurerm_linux_virtual_machine" "vm" {
  name                            = "vm"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  network_interface_ids           = [azurerm_network_interface.vm.id]
  disable_password_authentication = true

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("~/.ssh/id_ed25519.pub")
  }
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/virtual-machines/linux/create-ssh-keys-detailed', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_virtual_machine#disable_password_authentication'],
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_1', match: 'same' },
      { tool: 'trivy', id: 'AVD-AZU-0039', match: 'same' },
    ],
    messages: { password: 'VM allows password authentication over SSH.' },
    examples: {
      good: `resource "azurerm_linux_virtual_machine" "good" {
  name                  = "good"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "azureuser"
  network_interface_ids = ["nic"]

  admin_ssh_key {
    username   = "azureuser"
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample"
  }
}
`,
      bad: `resource "azurerm_linux_virtual_machine" "bad" {
  name                            = "bad"
  resource_group_name             = "rg"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = "P@ssw0rd1234!"
  network_interface_ids           = ["nic"]
  disable_password_authentication = false
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (obj.kind === 'azurerm_virtual_machine') {
      const linux = firstBlock(v, 'os_profile_linux_config');
      if (linux && boolOf(linux.block.disable_password_authentication) === false) ctx.report({ path: [...linux.path, 'disable_password_authentication'] });
      return;
    }
    if (boolOf(v.disable_password_authentication) === false) ctx.report({ path: ['disable_password_authentication'] });
  },
});
