import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const five = `resource "aws_iam_account_password_policy" "p" {
  password_reuse_prevention = 5
}
`;

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'the minRemembered option', code: five, options: { minRemembered: 5 } }],
  invalid: [{ name: 'five remembered', code: five, errors: [{ path: 'password_reuse_prevention', line: 2, messageId: 'few' }] }],
});
