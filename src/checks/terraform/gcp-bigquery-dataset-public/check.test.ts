import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'project readers special group',
      code: `resource "google_bigquery_dataset" "d" {
  dataset_id = "d"

  access {
    role          = "READER"
    special_group = "projectReaders"
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'second access block via iam_member',
      code: `resource "google_bigquery_dataset" "d" {
  dataset_id = "d"

  access {
    role          = "OWNER"
    user_by_email = "owner@example.com"
  }

  access {
    role       = "READER"
    iam_member = "allUsers"
  }
}
`,
      errors: [{ path: 'access[1].iam_member', line: 11 }],
    },
    {
      name: 'dataset IAM binding',
      code: `resource "google_bigquery_dataset_iam_binding" "b" {
  dataset_id = "d"
  role       = "roles/bigquery.dataViewer"
  members    = ["allAuthenticatedUsers"]
}
`,
      errors: [{ path: 'members[0]', line: 4 }],
    },
  ],
});
