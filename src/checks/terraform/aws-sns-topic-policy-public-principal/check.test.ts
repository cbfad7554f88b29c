import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'wildcard principal',
      code: `resource "aws_sns_topic_policy" "p" {
  arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "*", Resource = "*" }]
  })
}
`,
      errors: [{ path: 'policy', line: 3 }],
    },
  ],
});
