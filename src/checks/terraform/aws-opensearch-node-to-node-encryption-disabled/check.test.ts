import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'off',
      code: `resource "aws_opensearch_domain" "d" {
  domain_name = "d"
  node_to_node_encryption {
    enabled = false
  }
}
`,
      errors: [{ path: 'node_to_node_encryption[0].enabled', line: 4, messageId: 'off' }],
    },
  ],
});
