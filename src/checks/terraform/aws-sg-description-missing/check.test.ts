import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'group and rule both undescribed',
      code: `resource "aws_security_group" "sg" {
  name = "sg"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
      errors: [
        { path: 'description', line: 1, messageId: 'group' },
        { path: 'ingress[0].description', line: 3, messageId: 'rule' },
      ],
    },
  ],
});
