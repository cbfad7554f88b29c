import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'account default encryption covers the instance',
      code: `resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

resource "aws_instance" "i" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
`,
    },
  ],
  invalid: [
    {
      name: 'root block without encryption',
      code: `resource "aws_instance" "i" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 20
  }
}
`,
      errors: [{ path: 'root_block_device[0].encrypted', line: 4, messageId: 'unset' }],
    },
  ],
});
