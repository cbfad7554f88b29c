import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'member from a variable without a default is unknown',
      code: `variable "who" {
  type = string
}

resource "google_storage_bucket_iam_member" "m" {
  bucket = "b"
  role   = "roles/storage.objectViewer"
  member = var.who
}
`,
    },
    {
      name: 'private ACL',
      code: `resource "google_storage_bucket_acl" "acl" {
  bucket      = "b"
  role_entity = ["OWNER:user-admin@example.com"]
}
`,
    },
  ],
  invalid: [
    {
      name: 'binding with both special members',
      code: `resource "google_storage_bucket_iam_binding" "b" {
  bucket = "b"
  role   = "roles/storage.objectViewer"
  members = [
    "group:ok@example.com",
    "allAuthenticatedUsers",
    "allUsers",
  ]
}
`,
      errors: [
        { path: 'members[1]', line: 6, messageId: 'member' },
        { path: 'members[2]', line: 7, messageId: 'member' },
      ],
    },
    {
      name: 'ACL role entity and predefined ACL',
      code: `resource "google_storage_bucket_acl" "acl" {
  bucket         = "b"
  predefined_acl = "publicRead"
  role_entity    = ["READER:allUsers"]
}
`,
      errors: [
        { path: 'predefined_acl', line: 3, messageId: 'predefined' },
        { path: 'role_entity[0]', line: 4, messageId: 'acl' },
      ],
    },
    {
      name: 'access control entity',
      code: `resource "google_storage_bucket_access_control" "public" {
  bucket = "b"
  role   = "READER"
  entity = "allUsers"
}
`,
      errors: [{ path: 'entity', line: 4, messageId: 'acl' }],
    },
  ],
});
