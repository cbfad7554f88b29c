import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'legacy VM with keys only',
      code: `resource "azurerm_virtual_machine" "vm" {
  name                  = "vm"
  location              = "westeurope"
  resource_group_name   = "rg"
  network_interface_ids = ["nic"]
  vm_size               = "Standard_B2s"

  os_profile_linux_config {
    disable_password_authentication = true
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'legacy VM with passwords',
      code: `resource "azurerm_virtual_machine" "vm" {
  name                  = "vm"
  location              = "westeurope"
  resource_group_name   = "rg"
  network_interface_ids = ["nic"]
  vm_size               = "Standard_B2s"

  os_profile_linux_config {
    disable_password_authentication = false
  }
}
`,
      errors: [{ path: 'os_profile_linux_config[0].disable_password_authentication', line: 9 }],
    },
  ],
});
