import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'off',
      code: `resource "aws_efs_file_system" "f" {
  creation_token = "f"
  encrypted      = false
}
`,
      errors: [{ path: 'encrypted', line: 3, messageId: 'off' }],
    },
  ],
});
