import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicitly off',
      code: `resource "aws_db_instance" "db" {
  engine   = "mysql"
  multi_az = false
}
`,
      errors: [{ path: 'multi_az', line: 3, messageId: 'off' }],
    },
  ],
});
