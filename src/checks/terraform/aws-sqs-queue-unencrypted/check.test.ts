import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'string false',
      code: `resource "aws_sqs_queue" "q" {
  name                    = "q"
  sqs_managed_sse_enabled = "false"
}
`,
      errors: [{ path: 'sqs_managed_sse_enabled', line: 3 }],
    },
  ],
});
