import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'off',
      code: `resource "aws_opensearch_domain" "d" {
  domain_name = "d"
  domain_endpoint_options {
    enforce_https = false
  }
}
`,
      errors: [{ path: 'domain_endpoint_options[0].enforce_https', line: 4, messageId: 'off' }],
    },
  ],
});
