import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'string "true" is coerced',
      code: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "b"
  ignore_public_acls = "true"
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly false',
      code: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "b"
  ignore_public_acls = false
}
`,
      errors: [{ path: 'ignore_public_acls', line: 3, messageId: 'off' }],
    },
    {
      name: 'unset is reported on the resource',
      code: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "b"
}
`,
      errors: [{ path: 'ignore_public_acls', line: 1, messageId: 'unset' }],
    },
  ],
});
