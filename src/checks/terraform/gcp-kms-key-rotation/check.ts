import { defineCheck } from '../../define-check.js';
import { durationSeconds, strOf } from '../../_lib/terraform-cloud.js';

const NINETY_DAYS = 90 * 24 * 3600;

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0120',
    slug: 'gcp-kms-key-rotation',
    title: 'Cloud KMS key is not rotated at least every 90 days',
    severity: 'medium',
    category: 'encryption',
    kinds: ['google_kms_crypto_key'],
    description:
      'A symmetric (`ENCRYPT_DECRYPT`) `google_kms_crypto_key` has no `rotation_period`, or one longer than 90 days (`7776000s`). Asymmetric and MAC keys, which Cloud KMS cannot rotate automatically, are skipped.',
    rationale:
      'Automatic rotation bounds how much data a single key version protects and how long a leaked version stays useful; without it the first key version encrypts everything forever (CIS GCP 1.10).',
    remediation: `Set a rotation period of 90 days or less.

\`\`\`hcl
resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "7776000s"
}
\`\`\``,
    references: ['https://cloud.google.com/kms/docs/key-rotation', 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/kms_crypto_key#rotation_period'],
    standards: { cis: ['GCP 1.10'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_43', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0065', match: 'partial' },
    ],
    messages: {
      missing: 'Key has no rotation_period: it is never rotated automatically.',
      tooLong: 'Key rotation_period {{period}} is longer than 90 days (7776000s).',
    },
    examples: {
      good: `resource "google_kms_crypto_key" "good" {
  name            = "good"
  key_ring        = "projects/p/locations/europe/keyRings/main"
  rotation_period = "7776000s"
}
`,
      bad: `resource "google_kms_crypto_key" "bad" {
  name     = "bad"
  key_ring = "projects/p/locations/europe/keyRings/main"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    const purpose = strOf(v.purpose);
    if (purpose === null || (purpose !== undefined && purpose.toUpperCase() !== 'ENCRYPT_DECRYPT')) return;
    const raw = v.rotation_period;
    const period = strOf(raw);
    if (period === null) return;
    if (period === undefined || period === '') {
      ctx.report({ path: [], messageId: 'missing' });
      return;
    }
    const seconds = durationSeconds(raw);
    if (seconds !== undefined && seconds > NINETY_DAYS) ctx.report({ path: ['rotation_period'], messageId: 'tooLong', data: { period } });
  },
});
