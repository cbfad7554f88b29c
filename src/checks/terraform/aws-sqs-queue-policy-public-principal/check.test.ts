import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'wildcard principal',
      code: `resource "aws_sqs_queue_policy" "p" {
  queue_url = "arn:aws:sqs:eu-west-1:111122223333:orders"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "*", Resource = "*" }]
  })
}
`,
      errors: [{ path: 'policy', line: 3 }],
    },
  ],
});
