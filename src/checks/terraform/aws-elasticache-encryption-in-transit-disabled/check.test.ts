import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'off',
      code: `resource "aws_elasticache_replication_group" "g" {
  replication_group_id       = "g"
  transit_encryption_enabled = false
}
`,
      errors: [{ path: 'transit_encryption_enabled', line: 3, messageId: 'off' }],
    },
  ],
});
