import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'block for a bucket named by a variable cannot be ruled out',
      code: `resource "aws_s3_bucket" "b" {
  bucket = var.name
}

resource "aws_s3_bucket_public_access_block" "b" {
  bucket = var.name
}
`,
    },
    {
      name: 'counted bucket and block',
      code: `resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "b-\${count.index}"
}

resource "aws_s3_bucket_public_access_block" "b" {
  count  = 2
  bucket = aws_s3_bucket.b[count.index].id
}
`,
    },
  ],
  invalid: [
    {
      name: 'block for another bucket',
      code: `resource "aws_s3_bucket" "a" {
  bucket = "a"
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
}

resource "aws_s3_bucket_public_access_block" "b" {
  bucket = aws_s3_bucket.b.id
}
`,
      errors: [{ path: '', line: 1, resource: 'aws_s3_bucket.a' }],
    },
  ],
});
