import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'service principal',
      code: `resource "aws_s3_bucket_policy" "p" {
  bucket = "b"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::b/*"
    }]
  })
}
`,
    },
  ],
  invalid: [
    {
      name: 'two public statements, one finding each',
      code: `resource "aws_s3_bucket_policy" "p" {
  bucket = "b"
  policy = jsonencode({
    Statement = [
      { Sid = "Read", Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*" },
      { Sid = "List", Effect = "Allow", Principal = { AWS = ["*"] }, Action = "s3:ListBucket", Resource = "arn:aws:s3:::b" },
    ]
  })
}
`,
      errors: [
        { path: 'policy', line: 3 },
        { path: 'policy', line: 3 },
      ],
    },
  ],
});
