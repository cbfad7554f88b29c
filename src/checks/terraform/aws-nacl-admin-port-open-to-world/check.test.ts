import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'deny of SSH only still leaves RDP open',
      code: `resource "aws_default_network_acl" "d" {
  default_network_acl_id = "acl-1"
  ingress {
    protocol   = "tcp"
    rule_no    = 50
    action     = "deny"
    cidr_block = "0.0.0.0/0"
    from_port  = 22
    to_port    = 22
  }
  ingress {
    protocol   = -1
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
`,
      errors: [{ path: 'ingress[1].cidr_block', line: 15 }],
    },
  ],
});
