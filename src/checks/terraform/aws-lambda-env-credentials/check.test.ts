import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'one finding per variable, at the variable',
      code: `resource "aws_lambda_function" "f" {
  function_name = "f"
  environment {
    variables = {
      JWT_SECRET = "super-secret-signing-key"
    }
  }
}
`,
      errors: [{ path: 'environment[0].variables.JWT_SECRET', line: 5 }],
    },
  ],
});
