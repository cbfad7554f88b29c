import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'TLS 1.0 policy',
      code: `resource "aws_opensearch_domain" "d" {
  domain_name = "d"
  domain_endpoint_options {
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}
`,
      errors: [{ path: 'domain_endpoint_options[0].tls_security_policy', line: 4 }],
    },
  ],
});
