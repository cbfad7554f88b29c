import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'list holding the wildcard',
      code: `resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Statement = [{ Sid = "Open", Effect = "Allow", Principal = { AWS = ["arn:aws:iam::111122223333:root", "*"] }, Action = "sts:AssumeRole" }]
  })
}
`,
      errors: [{ path: 'assume_role_policy', line: 3 }],
    },
  ],
});
