import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'logging configured by bucket name',
      code: `resource "aws_s3_bucket" "b" {
  bucket = "b"
}

resource "aws_s3_bucket_logging" "b" {
  bucket        = "b"
  target_bucket = "central-logs"
  target_prefix = "b/"
}
`,
    },
  ],
  invalid: [
    {
      name: 'logging resource for another bucket',
      code: `resource "aws_s3_bucket" "a" {
  bucket = "a"
}

resource "aws_s3_bucket_logging" "other" {
  bucket        = "other"
  target_bucket = "central-logs"
}
`,
      errors: [{ path: 'logging', line: 1, resource: 'aws_s3_bucket.a' }],
    },
  ],
});
