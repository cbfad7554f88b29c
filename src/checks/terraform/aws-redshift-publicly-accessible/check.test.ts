import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'string true',
      code: `resource "aws_redshift_cluster" "c" {
  cluster_identifier  = "c"
  publicly_accessible = "true"
}
`,
      errors: [{ path: 'publicly_accessible', line: 3 }],
    },
  ],
});
