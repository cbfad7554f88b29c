import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'pass-through mode',
      code: `resource "aws_lambda_function" "f" {
  function_name = "f"
  tracing_config {
    mode = "PassThrough"
  }
}
`,
      errors: [{ path: 'tracing_config[0].mode', line: 4, messageId: 'mode' }],
    },
  ],
});
