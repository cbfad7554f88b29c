import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'deny on the wrong condition value',
      code: `resource "aws_s3_bucket" "b" {
  bucket = "b"
}

resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::b/*"
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}
`,
      errors: [{ path: 'policy', line: 1, messageId: 'noDeny', resource: 'aws_s3_bucket.b' }],
    },
  ],
});
