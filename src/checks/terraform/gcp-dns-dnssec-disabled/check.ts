import { defineCheck } from '../../define-check.js';
import { blocksAt, strOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0121',
    slug: 'gcp-dns-dnssec-disabled',
    title: 'Public Cloud DNS zone without DNSSEC',
    severity: 'medium',
    category: 'network',
    kinds: ['google_dns_managed_zone'],
    description: 'A public `google_dns_managed_zone` has no `dnssec_config` with `state = "on"`.',
    rationale:
      'Without DNSSEC, resolvers cannot verify that answers for the zone really come from it, so cache poisoning and on-path attackers can redirect users and mail to their own servers (CIS GCP 3.3).',
    remediation: `Turn DNSSEC on for public zones (and publish the DS record at the registrar).

\`\`\`hcl
resource "google_dns_managed_zone" "public" {
  name     = "example"
  dns_name = "example.com."

  dnssec_config {
    state = "on"
  }
}
\`\`\``,
    references: ['https://cloud.google.com/dns/docs/dnssec-config', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_managed_zone#dnssec_config'],
    standards: { cis: ['GCP 3.3'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_16', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0013', match: 'same' },
    ],
    messages: {
      missing: 'Public zone has no dnssec_config: DNSSEC is off.',
      off: 'Public zone sets dnssec_config.state = "{{state}}".',
    },
    examples: {
      good: `resource "google_dns_managed_zone" "good" {
  name     = "good"
  dns_name = "example.com."

  dnssec_config {
    state = "on"
  }
}
`,
      bad: `resource "google_dns_managed_zone" "bad" {
  name     = "bad"
  dns_name = "example.com."
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    const visibility = strOf(v.visibility);
    if (visibility === null || (visibility !== undefined && visibility.toLowerCase() !== 'public')) return;
    const cfg = blocksAt(v, 'dnssec_config');
    if (cfg.unknown) return;
    const first = cfg.items[0];
    if (!first) {
      ctx.report({ path: [], messageId: 'missing' });
      return;
    }
    const state = strOf(first.block.state);
    if (state === null || state?.toLowerCase() === 'on') return;
    // An absent state means "off" in the provider.
    ctx.report({ path: state === undefined ? first.path : [...first.path, 'state'], messageId: 'off', data: { state: state ?? 'off' } });
  },
});
