import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'empty key id',
      code: `resource "aws_db_instance" "db" {
  engine                          = "postgres"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = ""
}
`,
      errors: [{ path: 'performance_insights_kms_key_id', line: 4 }],
    },
  ],
});
