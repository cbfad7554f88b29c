import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'conditional that evaluates to true',
      code: `locals {
  env = "dev"
}

resource "aws_db_instance" "db" {
  engine              = "mysql"
  publicly_accessible = local.env == "dev"
}
`,
      errors: [{ path: 'publicly_accessible', line: 7 }],
    },
  ],
});
