import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'unset on an instance',
      code: `resource "aws_db_instance" "db" {
  engine = "mysql"
}
`,
      errors: [{ path: 'deletion_protection', line: 1, messageId: 'unset' }],
    },
  ],
});
