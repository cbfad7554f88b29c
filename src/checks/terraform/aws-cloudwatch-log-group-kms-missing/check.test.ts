import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'empty key',
      code: `resource "aws_cloudwatch_log_group" "g" {
  name       = "g"
  kms_key_id = ""
}
`,
      errors: [{ path: 'kms_key_id', line: 3 }],
    },
  ],
});
