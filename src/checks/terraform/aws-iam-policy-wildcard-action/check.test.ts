import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'JSON string policy with two wildcards in one statement',
      code: `resource "aws_iam_user_policy" "p" {
  name   = "p"
  user   = "u"
  policy = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":[\\"ec2:*\\",\\"iam:*\\"],\\"Resource\\":\\"*\\"}]}"
}
`,
      errors: [{ path: 'policy', line: 4 }],
    },
  ],
});
