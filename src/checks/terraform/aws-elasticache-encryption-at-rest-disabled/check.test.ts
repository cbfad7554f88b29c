import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'default engine',
      code: `resource "aws_elasticache_replication_group" "g" {
  replication_group_id = "g"
  description          = "g"
}
`,
      errors: [{ path: 'at_rest_encryption_enabled', line: 1, messageId: 'unset' }],
    },
  ],
});
