import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'string false',
      code: `resource "aws_db_instance" "db" {
  engine                     = "mysql"
  auto_minor_version_upgrade = "false"
}
`,
      errors: [{ path: 'auto_minor_version_upgrade', line: 3 }],
    },
  ],
});
