import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicit false',
      code: `resource "aws_kms_key" "k" {
  description         = "k"
  enable_key_rotation = false
}
`,
      errors: [{ path: 'enable_key_rotation', line: 3, messageId: 'off' }],
    },
  ],
});
