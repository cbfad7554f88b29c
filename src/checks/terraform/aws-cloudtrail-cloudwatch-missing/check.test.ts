import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicit value',
      code: `resource "aws_cloudtrail" "t" {
  name = "t"
  cloud_watch_logs_group_arn = null
}
`,
      errors: [{ path: 'cloud_watch_logs_group_arn', line: 1, messageId: 'missing' }],
    },
  ],
});
