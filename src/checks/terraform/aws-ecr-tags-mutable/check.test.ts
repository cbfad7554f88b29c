import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'default',
      code: `resource "aws_ecr_repository" "r" {
  name = "r"
}
`,
      errors: [{ path: 'image_tag_mutability', line: 1, messageId: 'unset' }],
    },
  ],
});
