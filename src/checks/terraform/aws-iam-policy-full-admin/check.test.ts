import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'NotAction is not a wildcard action',
      code: `resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }]
  })
}
`,
    },
  ],
  invalid: [
    {
      name: 'second statement is the admin one',
      code: `resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "*" },
      { Effect = "Allow", Action = ["s3:*", "*"], Resource = ["arn:aws:s3:::x", "*"] },
    ]
  })
}
`,
      errors: [{ path: 'policy', line: 3 }],
    },
    {
      name: 'data source statement located at its block',
      code: `data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    effect    = "Allow"
    actions   = ["*"]
    resources = ["*"]
  }
}
`,
      errors: [{ path: 'statement[1]', line: 6 }],
    },
  ],
});
