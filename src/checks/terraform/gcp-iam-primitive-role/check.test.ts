import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'viewer is not flagged',
      code: `resource "google_project_iam_binding" "b" {
  project = "p"
  role    = "roles/viewer"
  members = ["group:all@example.com"]
}
`,
    },
    {
      name: 'role from an unset variable',
      code: `variable "role" {
  type = string
}

resource "google_project_iam_member" "m" {
  project = "p"
  role    = var.role
  member  = "user:a@example.com"
}
`,
    },
  ],
  invalid: [
    {
      name: 'owner on a folder binding',
      code: `resource "google_folder_iam_binding" "b" {
  folder  = "folders/123"
  role    = "roles/owner"
  members = ["user:a@example.com", "serviceAccount:x@p.iam.gserviceaccount.com"]
}
`,
      errors: [{ path: 'role', line: 3 }],
    },
  ],
});
