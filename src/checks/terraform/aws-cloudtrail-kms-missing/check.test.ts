import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicit value',
      code: `resource "aws_cloudtrail" "t" {
  name = "t"
  kms_key_id = ""
}
`,
      errors: [{ path: 'kms_key_id', line: 3, messageId: 'missing' }],
    },
  ],
});
