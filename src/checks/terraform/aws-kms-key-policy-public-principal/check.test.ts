import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'inline policy on the key',
      code: `resource "aws_kms_key" "k" {
  description = "k"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}
`,
      errors: [{ path: 'policy', line: 3 }],
    },
  ],
});
