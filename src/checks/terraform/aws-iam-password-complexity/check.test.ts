import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'one finding per missing class',
      code: `resource "aws_iam_account_password_policy" "p" {
  require_lowercase_characters = true
  require_uppercase_characters = false
  require_numbers              = true
}
`,
      errors: [
        { path: 'require_uppercase_characters', line: 3, messageId: 'off' },
        { path: 'require_symbols', line: 1, messageId: 'unset' },
      ],
    },
  ],
});
