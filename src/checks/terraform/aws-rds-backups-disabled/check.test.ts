import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'zero from a variable default',
      code: `variable "retention" {
  type    = number
  default = 0
}

resource "aws_db_instance" "db" {
  engine                  = "mysql"
  backup_retention_period = var.retention
}
`,
      errors: [{ path: 'backup_retention_period', line: 8 }],
    },
  ],
});
