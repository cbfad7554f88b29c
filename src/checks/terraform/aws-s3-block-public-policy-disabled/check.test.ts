import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'string "true" is coerced',
      code: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "b"
  block_public_policy = "true"
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly false',
      code: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "b"
  block_public_policy = false
}
`,
      errors: [{ path: 'block_public_policy', line: 3, messageId: 'off' }],
    },
    {
      name: 'unset is reported on the resource',
      code: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "b"
}
`,
      errors: [{ path: 'block_public_policy', line: 1, messageId: 'unset' }],
    },
  ],
});
