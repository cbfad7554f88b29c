import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicit value',
      code: `resource "aws_cloudtrail" "t" {
  name = "t"
  enable_log_file_validation = false
}
`,
      errors: [{ path: 'enable_log_file_validation', line: 3, messageId: 'off' }],
    },
  ],
});
