import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'workload identity user on a project is a different role',
      code: `resource "google_project_iam_member" "m" {
  project = "p"
  role    = "roles/iam.workloadIdentityUser"
  member  = "serviceAccount:p.svc.id.goog[ns/app]"
}
`,
    },
  ],
  invalid: [
    {
      name: 'binding on an organization',
      code: `resource "google_organization_iam_binding" "b" {
  org_id  = "1"
  role    = "roles/iam.serviceAccountUser"
  members = ["group:devs@example.com"]
}
`,
      errors: [{ path: 'role', line: 3 }],
    },
  ],
});
