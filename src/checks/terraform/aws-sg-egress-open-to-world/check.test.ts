import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'inline egress block',
      code: `resource "aws_security_group" "sg" {
  name = "sg"
  egress {
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
      errors: [{ path: 'egress[0].cidr_blocks[0]', line: 7 }],
    },
  ],
});
