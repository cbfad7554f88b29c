import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicit value',
      code: `resource "aws_cloudtrail" "t" {
  name = "t"
  is_multi_region_trail = false
}
`,
      errors: [{ path: 'is_multi_region_trail', line: 3, messageId: 'off' }],
    },
  ],
});
