import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'fifo topic without key',
      code: `resource "aws_sns_topic" "t" {
  name       = "t.fifo"
  fifo_topic = true
}
`,
      errors: [{ path: 'kms_master_key_id', line: 1 }],
    },
  ],
});
