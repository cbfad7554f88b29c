import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'one finding per rule',
      code: `resource "aws_default_security_group" "d" {
  vpc_id = "vpc-1"
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
      errors: [
        { path: 'ingress[0]', line: 3 },
        { path: 'egress[0]', line: 9 },
      ],
    },
  ],
});
