import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'default encryption resource switched off does not help',
      code: `resource "aws_ebs_encryption_by_default" "off" {
  enabled = false
}

resource "aws_ebs_volume" "v" {
  availability_zone = "eu-west-1a"
  size              = 10
}
`,
      errors: [{ path: 'encrypted', line: 5, messageId: 'unset' }],
    },
  ],
});
