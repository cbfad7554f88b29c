import type { DataPath } from '../../../core/location.js';
import { defineCheck } from '../../define-check.js';
import { iamMembers, isPublicGcpMember, listOf, strOf } from '../../_lib/terraform-cloud.js';

const PUBLIC_PREDEFINED_ACLS = new Set(['publicread', 'publicreadwrite']);

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0103',
    slug: 'gcp-storage-bucket-public-access',
    title: 'Cloud Storage bucket granted to allUsers or allAuthenticatedUsers',
    severity: 'high',
    category: 'storage',
    kinds: [
      'google_storage_bucket_iam_member',
      'google_storage_bucket_iam_binding',
      'google_storage_bucket_access_control',
      'google_storage_default_object_access_control',
      'google_storage_bucket_acl',
    ],
    description:
      'An IAM member/binding or ACL on a Cloud Storage bucket grants a role to `allUsers` (anyone on the internet) or `allAuthenticatedUsers` (anyone with a Google account), or the bucket ACL uses a `publicRead*` predefined ACL.',
    rationale:
      'Both special members make the bucket readable (or writable) outside the organisation; `allAuthenticatedUsers` is not "our users" but every Google account. Public buckets are one of the most common causes of cloud data leaks (CIS GCP 5.1).',
    remediation: `Grant bucket roles to specific users, groups or service accounts, never to \`allUsers\` or \`allAuthenticatedUsers\`; serve public content through a CDN or signed URLs instead.

\`\`\`hcl
resource "google_storage_bucket_iam_member" "reader" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectViewer"
  member = "group:data-readers@example.com"
}
\`\`\``,
    references: ['https://cloud.google.com/storage/docs/access-control/making-data-public', 'https://cloud.google.com/iam/docs/principals-overview#all-users'],
    standards: { cis: ['GCP 5.1'] },
    peers: [
      { tool: 'checkov', id: 'CKV_GCP_28', match: 'same' },
      { tool: 'trivy', id: 'AVD-GCP-0001', match: 'same' },
    ],
    messages: {
      member: 'Bucket role "{{role}}" is granted to {{member}}.',
      acl: 'Bucket ACL entry "{{entry}}" makes the bucket public.',
      predefined: 'Bucket ACL uses predefined_acl "{{acl}}", which makes the bucket public.',
    },
    examples: {
      good: `resource "google_storage_bucket_iam_member" "good" {
  bucket = "example-data"
  role   = "roles/storage.objectViewer"
  member = "group:readers@example.com"
}
`,
      bad: `resource "google_storage_bucket_iam_binding" "bad" {
  bucket  = "example-data"
  role    = "roles/storage.objectViewer"
  members = ["allUsers"]
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (obj.kind === 'google_storage_bucket_iam_member' || obj.kind === 'google_storage_bucket_iam_binding') {
      const role = strOf(v.role) ?? '(unknown role)';
      for (const m of iamMembers(v)) {
        if (isPublicGcpMember(m.member)) ctx.report({ path: m.path, messageId: 'member', data: { role, member: m.member } });
      }
      return;
    }
    if (obj.kind === 'google_storage_bucket_acl') {
      const predefined = strOf(v.predefined_acl);
      if (predefined && PUBLIC_PREDEFINED_ACLS.has(predefined.toLowerCase())) {
        ctx.report({ path: ['predefined_acl'], messageId: 'predefined', data: { acl: predefined } });
      }
      // role_entity entries look like "READER:allUsers".
      for (const { value: e, index } of listOf(v.role_entity).items) {
        if (typeof e !== 'string') continue;
        const entity = e.slice(e.indexOf(':') + 1);
        if (isPublicGcpMember(entity)) {
          const path: DataPath = index === undefined ? ['role_entity'] : ['role_entity', index];
          ctx.report({ path, messageId: 'acl', data: { entry: e } });
        }
      }
      return;
    }
    const entity = strOf(v.entity);
    if (entity && isPublicGcpMember(entity)) ctx.report({ path: ['entity'], messageId: 'acl', data: { entry: `${strOf(v.role) ?? '?'}:${entity}` } });
  },
});
