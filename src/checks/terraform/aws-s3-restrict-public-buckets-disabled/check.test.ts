import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'string "true" is coerced',
      code: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "b"
  restrict_public_buckets = "true"
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicitly false',
      code: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "b"
  restrict_public_buckets = false
}
`,
      errors: [{ path: 'restrict_public_buckets', line: 3, messageId: 'off' }],
    },
    {
      name: 'unset is reported on the resource',
      code: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket = "b"
}
`,
      errors: [{ path: 'restrict_public_buckets', line: 1, messageId: 'unset' }],
    },
  ],
});
