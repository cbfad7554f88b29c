import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicit true',
      code: `resource "aws_subnet" "s" {
  vpc_id                  = "vpc-1"
  map_public_ip_on_launch = true
}
`,
      errors: [{ path: 'map_public_ip_on_launch', line: 3, messageId: 'on' }],
    },
  ],
});
