import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const eight = `resource "aws_iam_account_password_policy" "p" {
  minimum_password_length = 8
}
`;

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'the minLength option', code: eight, options: { minLength: 8 } },
    {
      name: 'unknown length',
      code: `variable "len" {
  type = number
}

resource "aws_iam_account_password_policy" "p" {
  minimum_password_length = var.len
}
`,
    },
  ],
  invalid: [
    { name: 'eight characters', code: eight, errors: [{ path: 'minimum_password_length', line: 2, messageId: 'short' }] },
    { name: 'unset', code: `resource "aws_iam_account_password_policy" "p" {\n  require_symbols = true\n}\n`, errors: [{ path: 'minimum_password_length', line: 1, messageId: 'unset' }] },
  ],
});
