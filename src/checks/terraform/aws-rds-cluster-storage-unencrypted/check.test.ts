import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'neptune default',
      code: `resource "aws_neptune_cluster" "n" {
  cluster_identifier = "n"
}
`,
      errors: [{ path: 'storage_encrypted', line: 1, messageId: 'unset' }],
    },
  ],
});
