import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'AES256',
      code: `resource "aws_ecr_repository" "r" {
  name = "r"
  encryption_configuration {
    encryption_type = "AES256"
  }
}
`,
      errors: [{ path: 'encryption_configuration[0].encryption_type', line: 4, messageId: 'aes' }],
    },
  ],
});
