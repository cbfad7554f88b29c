import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'postgres without the setting',
      code: `resource "aws_db_instance" "db" {
  engine = "postgres"
}
`,
      errors: [{ path: 'iam_database_authentication_enabled', line: 1, messageId: 'unset' }],
    },
  ],
});
