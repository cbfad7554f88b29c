import { defineCheck } from '../../define-check.js';
import { blocksAt, boolOf } from '../../_lib/terraform-cloud.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0145',
    slug: 'gcp-compute-shielded-vm-disabled',
    title: 'VM without Shielded VM secure boot, vTPM or integrity monitoring',
    severity: 'low',
    category: 'best-practice',
    kinds: ['google_compute_instance', 'google_compute_instance_template', 'google_compute_region_instance_template'],
    description:
      'A Compute Engine instance or template has no `shielded_instance_config`, or turns off `enable_secure_boot` (off by default), `enable_vtpm` or `enable_integrity_monitoring`.',
    rationale:
      'Shielded VM verifies the boot chain: secure boot refuses unsigned bootloaders and kernel modules, the vTPM measures the boot, and integrity monitoring alerts when those measurements change — the signals that catch bootkits and rootkits. It needs a Shielded-VM-capable image, which every current public image is (CIS GCP 4.8).',
    remediation: `Enable all three Shielded VM features.

\`\`\`hcl
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }
}
\`\`\``,
    references: ['https://cloud.google.com/compute/shielded-vm/docs/shielded-vm', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#shielded_instance_config'],
    standards: { cis: ['GCP 4.8'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_39', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0067', match: 'partial' },
    ],
    messages: {
      missing: 'Instance has no shielded_instance_config: secure boot is off.',
      off: 'Instance turns off Shielded VM {{feature}}.',
    },
    examples: {
      good: `resource "google_compute_instance" "good" {
  name         = "good"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  shielded_instance_config {
    enable_secure_boot = true
  }
}
`,
      bad: `resource "google_compute_instance" "bad" {
  name         = "bad"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
}
`,
    },
  },
  run(obj, ctx) {
    const cfg = blocksAt(obj.value, 'shielded_instance_config');
    if (cfg.unknown) return;
    const first = cfg.items[0];
    if (!first) {
      ctx.report({ path: [], messageId: 'missing' });
      return;
    }
    // Secure boot defaults to false; vTPM and integrity monitoring default to true.
    const features: [string, string, boolean][] = [
      ['enable_secure_boot', 'secure boot', false],
      ['enable_vtpm', 'vTPM', true],
      ['enable_integrity_monitoring', 'integrity monitoring', true],
    ];
    for (const [key, feature, dflt] of features) {
      const v = boolOf(first.block[key]);
      if (v === false || (v === 'unset' && !dflt)) ctx.report({ path: v === 'unset' ? first.path : [...first.path, key], messageId: 'off', data: { feature } });
    }
  },
});
