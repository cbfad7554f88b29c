import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'algorithm from an unset variable',
      code: `variable "algorithm" {
  type = string
}

resource "aws_s3_bucket_server_side_encryption_configuration" "c" {
  bucket = "b"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'AES256 in the split resource',
      code: `resource "aws_s3_bucket_server_side_encryption_configuration" "c" {
  bucket = "b"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
`,
      errors: [{ path: 'rule[0].apply_server_side_encryption_by_default[0].sse_algorithm', line: 5, messageId: 'algorithm' }],
    },
    {
      name: 'no configuration at all',
      code: `resource "aws_s3_bucket" "b" {
  bucket = "b"
}
`,
      errors: [{ path: 'server_side_encryption_configuration', line: 1, messageId: 'missing' }],
    },
  ],
});
