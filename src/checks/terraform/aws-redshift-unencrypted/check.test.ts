import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'string false',
      code: `resource "aws_redshift_cluster" "c" {
  cluster_identifier = "c"
  encrypted          = "false"
}
`,
      errors: [{ path: 'encrypted', line: 3 }],
    },
  ],
});
