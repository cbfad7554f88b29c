import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const http = `resource "aws_security_group_rule" "r" {
  type              = "ingress"
  from_port         = 8080
  to_port           = 8080
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-1"
}
`;

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: '8080 is not in the default list', code: http }],
  invalid: [
    { name: 'the ports option replaces the list', code: http, options: { ports: [8080] }, errors: [{ path: 'cidr_blocks[0]', line: 6 }] },
    {
      name: 'range covering several services',
      code: `resource "aws_security_group_rule" "r" {
  type              = "ingress"
  from_port         = 1
  to_port           = 10000
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-1"
}
`,
      errors: [{ path: 'cidr_blocks[0]', line: 6 }],
    },
  ],
});
