import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'off',
      code: `resource "aws_dynamodb_table" "t" {
  name = "t"
  point_in_time_recovery {
    enabled = false
  }
}
`,
      errors: [{ path: 'point_in_time_recovery[0].enabled', line: 4, messageId: 'off' }],
    },
  ],
});
