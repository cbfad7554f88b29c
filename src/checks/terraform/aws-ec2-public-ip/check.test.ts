import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'instance',
      code: `resource "aws_instance" "i" {
  ami                         = "ami-0123456789abcdef0"
  associate_public_ip_address = true
}
`,
      errors: [{ path: 'associate_public_ip_address', line: 3 }],
    },
  ],
});
