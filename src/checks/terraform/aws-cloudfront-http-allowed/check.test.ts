import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'default behavior',
      code: `resource "aws_cloudfront_distribution" "d" {
  enabled = true
  default_cache_behavior {
    viewer_protocol_policy = "allow-all"
  }
}
`,
      errors: [{ path: 'default_cache_behavior[0].viewer_protocol_policy', line: 4 }],
    },
  ],
});
