import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicitly off',
      code: `resource "aws_dynamodb_table" "t" {
  name = "t"
  server_side_encryption {
    enabled = false
  }
}
`,
      errors: [{ path: 'server_side_encryption[0].enabled', line: 4, messageId: 'off' }],
    },
  ],
});
