import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'inline grant to a canonical user',
      code: `resource "aws_s3_bucket" "b" {
  bucket = "b"
  grant {
    id          = "abc"
    type        = "CanonicalUser"
    permissions = ["FULL_CONTROL"]
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'authenticated-read on the bucket',
      code: `resource "aws_s3_bucket" "b" {
  bucket = "b"
  acl    = "authenticated-read"
}
`,
      errors: [{ path: 'acl', line: 3, messageId: 'canned' }],
    },
    {
      name: 'inline grant to AllUsers',
      code: `resource "aws_s3_bucket" "b" {
  bucket = "b"
  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
    permissions = ["READ", "WRITE"]
  }
}
`,
      errors: [{ path: 'grant[0].uri', line: 5, messageId: 'grant' }],
    },
  ],
});
