import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'default',
      code: `resource "aws_opensearch_domain" "d" {
  domain_name = "d"
}
`,
      errors: [{ path: 'encrypt_at_rest[0].enabled', line: 1, messageId: 'unset' }],
    },
  ],
});
