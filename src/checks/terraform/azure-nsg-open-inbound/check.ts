import type { DataPath } from '../../../core/location.js';
import { defineCheck } from '../../define-check.js';
import { blocksAt, isAnySource, listOf, portSpecIncludes, portSpecIsAll, strOf, type Obj } from '../../_lib/terraform-cloud.js';

const ADMIN_PORTS: readonly { port: number; name: string }[] = [
  { port: 22, name: 'SSH' },
  { port: 3389, name: 'RDP' },
];

/** Values of a singular attribute and its plural list twin (`source_address_prefix` / `source_address_prefixes`). */
function values(rule: Obj, single: string, plural: string): { values: unknown[]; unknown: boolean } {
  const a = listOf(rule[single]);
  const b = listOf(rule[plural]);
  return { values: [...a.items, ...b.items].map((i) => i.value), unknown: a.unknown || b.unknown };
}

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0127',
    slug: 'azure-nsg-open-inbound',
    title: 'Network security group allows SSH, RDP or all ports from the internet',
    severity: 'high',
    category: 'network',
    kinds: ['azurerm_network_security_group', 'azurerm_network_security_rule'],
    description:
      'An inbound `Allow` rule — inline in an `azurerm_network_security_group` or an `azurerm_network_security_rule` — has source `*`, `Internet`, `Any` or `0.0.0.0/0` and a destination port range covering 22, 3389 or every port.',
    rationale:
      'SSH and RDP reachable from the internet are scanned and brute-forced continuously and were the entry point of many ransomware incidents; a rule for all ports exposes every listening service. Use Azure Bastion, a VPN or just-in-time access (CIS Azure 6.1, 6.2).',
    remediation: `Limit the source to known address ranges (or use Azure Bastion) and open only the ports the service needs.

\`\`\`hcl
resource "azurerm_network_security_rule" "ssh_from_office" {
  name                        = "ssh-from-office"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "203.0.113.0/24"
  destination_address_prefix  = "VirtualNetwork"
  resource_group_name         = azurerm_resource_group.main.name
  network_security_group_name = azurerm_network_security_group.main.name
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview', 'https://learn.microsoft.com/azure/bastion/bastion-overview'],
    standards: { cis: ['Azure 6.1', 'Azure 6.2'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_10', match: 'partial' },
      { tool: 'checkov', id: 'CKV_AZURE_9', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0050', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0048', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0047', match: 'partial' },
    ],
    messages: {
      adminPort: 'Inbound rule "{{rule}}" allows {{service}} (port {{port}}) from {{source}}.',
      allPorts: 'Inbound rule "{{rule}}" allows every port from {{source}}.',
    },
    examples: {
      good: `resource "azurerm_network_security_group" "good" {
  name                = "good"
  location            = "westeurope"
  resource_group_name = "rg"

  security_rule {
    name                       = "https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}
`,
      bad: `resource "azurerm_network_security_group" "bad" {
  name                = "bad"
  location            = "westeurope"
  resource_group_name = "rg"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}
`,
    },
  },
  run(obj, ctx) {
    const check = (rule: Obj, path: DataPath): void => {
      const direction = strOf(rule.direction);
      const access = strOf(rule.access);
      const protocol = strOf(rule.protocol);
      if (typeof direction !== 'string' || direction.toLowerCase() !== 'inbound') return;
      if (typeof access !== 'string' || access.toLowerCase() !== 'allow') return;
      if (typeof protocol !== 'string' || protocol.toLowerCase() === 'icmp') return;
      const sources = values(rule, 'source_address_prefix', 'source_address_prefixes');
      const source = sources.values.find(isAnySource);
      if (source === undefined) return;
      const ports = values(rule, 'destination_port_range', 'destination_port_ranges');
      const name = strOf(rule.name) ?? '(unnamed)';
      const data = { rule: name, source: String(source) };
      if (ports.values.some(portSpecIsAll)) {
        ctx.report({ path, messageId: 'allPorts', data });
        return;
      }
      const proto = protocol.toLowerCase();
      for (const admin of ADMIN_PORTS) {
        // SSH is TCP only; RDP also listens on UDP.
        if (proto === 'udp' && admin.port === 22) continue;
        if (ports.values.some((p) => portSpecIncludes(p, admin.port) === true)) {
          ctx.report({ path, messageId: 'adminPort', data: { ...data, service: admin.name, port: admin.port } });
        }
      }
    };
    if (obj.kind === 'azurerm_network_security_rule') check(obj.value, []);
    else for (const { block, path } of blocksAt(obj.value, 'security_rule').items) check(block, path);
  },
});
