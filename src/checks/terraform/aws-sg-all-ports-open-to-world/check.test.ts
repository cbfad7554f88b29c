import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'protocol from an unset variable',
      code: `variable "protocol" {
  type = string
}

resource "aws_security_group_rule" "r" {
  type              = "ingress"
  from_port         = 0
  to_port           = 0
  protocol          = var.protocol
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-1"
}
`,
    },
  ],
  invalid: [
    {
      name: 'both address families: one finding at the first open CIDR',
      code: `resource "aws_security_group" "sg" {
  name = "sg"
  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
`,
      errors: [{ path: 'ingress[0].cidr_blocks[0]', line: 7 }],
    },
  ],
});
