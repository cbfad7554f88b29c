import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicit false',
      code: `resource "aws_db_instance" "db" {
  engine            = "mariadb"
  storage_encrypted = "false"
}
`,
      errors: [{ path: 'storage_encrypted', line: 3, messageId: 'off' }],
    },
  ],
});
