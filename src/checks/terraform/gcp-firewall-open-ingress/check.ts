import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf, isAnySource, listOf, portSpecIncludes, portSpecIsAll, strOf } from '../../_lib/terraform-cloud.js';

/** Remote administration ports that must never face the internet. */
const ADMIN_PORTS: readonly { port: number; name: string }[] = [
  { port: 22, name: 'SSH' },
  { port: 3389, name: 'RDP' },
];
/** Protocols with ports; `all` (or no ports on these) opens every port. */
const PORTED = new Set(['tcp', 'udp', 'sctp', '6', '17', '132']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0104',
    slug: 'gcp-firewall-open-ingress',
    title: 'VPC firewall allows SSH, RDP or all ports from the internet',
    severity: 'high',
    category: 'network',
    kinds: ['google_compute_firewall'],
    description:
      'An enabled ingress `google_compute_firewall` rule allows traffic from `0.0.0.0/0` (or `::/0`, or no source at all, which GCP treats as any source) to TCP 22, TCP 3389 or every port.',
    rationale:
      'SSH and RDP exposed to the internet are brute-forced and exploited within minutes of an instance coming up; a rule opening every port exposes whatever happens to listen. Administrative access should go through Identity-Aware Proxy TCP forwarding (35.235.240.0/20), a bastion or a VPN (CIS GCP 3.6, 3.7).',
    remediation: `Restrict \`source_ranges\` to known networks (for IAP TCP forwarding, \`35.235.240.0/20\`) and open only the ports the service needs.

\`\`\`hcl
resource "google_compute_firewall" "ssh_via_iap" {
  name          = "allow-ssh-from-iap"
  network       = google_compute_network.main.id
  direction     = "INGRESS"
  source_ranges = ["35.235.240.0/20"]
  target_tags   = ["ssh"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
\`\`\``,
    references: ['https://cloud.google.com/firewall/docs/firewalls', 'https://cloud.google.com/iap/docs/using-tcp-forwarding'],
    standards: { cis: ['GCP 3.6', 'GCP 3.7'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_2', match: 'partial' },
      { tool: 'checkov', id: 'CKV_GCP_3', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0027', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0071', match: 'partial' },
      { tool: 'trivy', id: 'AVD-GCP-0070', match: 'partial' },
    ],
    messages: {
      adminPort: 'Firewall rule allows {{service}} (port {{port}}) from {{source}}.',
      allPorts: 'Firewall rule allows every {{protocol}} port from {{source}}.',
    },
    examples: {
      good: `resource "google_compute_firewall" "good" {
  name          = "allow-ssh-iap"
  network       = "default"
  source_ranges = ["35.235.240.0/20"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
`,
      bad: `resource "google_compute_firewall" "bad" {
  name          = "allow-ssh"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    const direction = strOf(v.direction);
    if (direction === null || (direction !== undefined && direction.toUpperCase() !== 'INGRESS')) return;
    const disabled = boolOf(v.disabled);
    if (disabled === true || disabled === 'unknown') return;

    const ranges = listOf(v.source_ranges);
    if (ranges.unknown) return;
    let source: string | undefined;
    for (const r of ranges.items) if (isAnySource(r.value)) source = String(r.value);
    if (source === undefined && ranges.items.length === 0) {
      // GCP applies an ingress rule with no source at all to every source address.
      const hasOtherSource = ['source_tags', 'source_service_accounts'].some((k) => {
        const l = listOf(v[k]);
        return l.unknown || l.items.length > 0;
      });
      if (!hasOtherSource) source = 'any source (no source_ranges, source_tags or source_service_accounts)';
    }
    if (source === undefined) return;

    for (const { block, path } of blocksAt(v, 'allow').items) {
      const protocol = strOf(block.protocol);
      if (protocol === null || protocol === undefined) continue;
      const proto = protocol.toLowerCase();
      const ports = listOf(block.ports);
      if (ports.unknown) continue;
      const opensAll = proto === 'all' || (PORTED.has(proto) && (ports.items.length === 0 || ports.items.some((p) => portSpecIsAll(p.value))));
      if (opensAll) {
        ctx.report({ path, messageId: 'allPorts', data: { protocol: proto === 'all' ? 'protocol and' : proto.toUpperCase(), source } });
        continue;
      }
      if (proto !== 'tcp' && proto !== '6') continue;
      for (const admin of ADMIN_PORTS) {
        if (ports.items.some((p) => portSpecIncludes(p.value, admin.port) === true)) {
          ctx.report({ path, messageId: 'adminPort', data: { service: admin.name, port: admin.port, source } });
        }
      }
    }
  },
});
