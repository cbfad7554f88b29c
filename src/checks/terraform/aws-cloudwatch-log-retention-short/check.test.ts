import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'the minDays option',
      code: `resource "aws_cloudwatch_log_group" "g" {
  name              = "g"
  retention_in_days = 90
}
`,
      options: { minDays: 90 },
    },
  ],
  invalid: [
    {
      name: 'ninety days',
      code: `resource "aws_cloudwatch_log_group" "g" {
  name              = "g"
  retention_in_days = 90
}
`,
      errors: [{ path: 'retention_in_days', line: 3 }],
    },
  ],
});
