import { defineCheck } from '../../define-check.js';
import { strOf } from '../../_lib/terraform-cloud.js';

/** An IPv4 address as a number; undefined when it is not a dotted quad. */
function ipv4(s: string): number | undefined {
  const m = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\s*$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! * 256 + parts[1]!) * 256 + parts[2]!) * 256 + parts[3]!;
}

/** A range this wide (a /8) is the internet for practical purposes. */
const WIDE = 2 ** 24;

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0137',
    slug: 'azure-sql-firewall-open',
    title: 'Azure database firewall rule opens the server to the internet',
    severity: 'high',
    category: 'network',
    kinds: [
      'azurerm_mssql_firewall_rule',
      'azurerm_sql_firewall_rule',
      'azurerm_postgresql_firewall_rule',
      'azurerm_postgresql_flexible_server_firewall_rule',
      'azurerm_mysql_firewall_rule',
      'azurerm_mysql_flexible_server_firewall_rule',
      'azurerm_mariadb_firewall_rule',
    ],
    description:
      'An Azure SQL / PostgreSQL / MySQL / MariaDB firewall rule spans `0.0.0.0`–`255.255.255.255` or any range of 16 million addresses or more. The special `0.0.0.0`–`0.0.0.0` rule ("allow Azure services") is not flagged.',
    rationale:
      'Such a rule exposes the database endpoint to the whole internet, so only the database login stands between an attacker and the data; brute force and credential stuffing against public SQL endpoints are constant (CIS Azure 4.1.2).',
    remediation: `Allow only the client ranges that need the database, or use private endpoints.

\`\`\`hcl
resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}
\`\`\``,
    references: ['https://learn.microsoft.com/azure/azure-sql/database/firewall-configure', 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-firewall-rules'],
    standards: { cis: ['Azure 4.1.2'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AZURE_11', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AZU-0029', match: 'partial' },
    ],
    messages: {
      all: 'Firewall rule allows every IPv4 address ({{start}} – {{end}}).',
      wide: 'Firewall rule allows {{count}} addresses ({{start}} – {{end}}).',
    },
    examples: {
      good: `resource "azurerm_mssql_firewall_rule" "good" {
  name             = "office"
  server_id        = "sql"
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}
`,
      bad: `resource "azurerm_mssql_firewall_rule" "bad" {
  name             = "anyone"
  server_id        = "sql"
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}
`,
    },
  },
  run(obj, ctx) {
    const start = strOf(obj.value.start_ip_address);
    const end = strOf(obj.value.end_ip_address);
    if (typeof start !== 'string' || typeof end !== 'string') return;
    const a = ipv4(start);
    const b = ipv4(end);
    if (a === undefined || b === undefined || b < a) return;
    const count = b - a + 1;
    if (a === 0 && b === 2 ** 32 - 1) ctx.report({ path: ['end_ip_address'], messageId: 'all', data: { start, end } });
    else if (count >= WIDE) ctx.report({ path: ['end_ip_address'], messageId: 'wide', data: { start, end, count: count.toLocaleString('en-US') } });
  },
});
