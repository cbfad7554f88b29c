import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const year = `resource "aws_iam_account_password_policy" "p" {
  max_password_age = 365
}
`;

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'the maxDays option', code: year, options: { maxDays: 365 } }],
  invalid: [{ name: 'a year', code: year, errors: [{ path: 'max_password_age', line: 2, messageId: 'long' }] }],
});
