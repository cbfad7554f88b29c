import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'explicit optional',
      code: `resource "aws_instance" "i" {
  ami = "ami-0123456789abcdef0"
  metadata_options {
    http_tokens = "optional"
  }
}
`,
      errors: [{ path: 'metadata_options[0].http_tokens', line: 4, messageId: 'optional' }],
    },
    {
      name: 'no metadata_options: reported on the resource',
      code: `resource "aws_instance" "i" {
  ami = "ami-0123456789abcdef0"
}
`,
      errors: [{ path: 'metadata_options[0].http_tokens', line: 1, messageId: 'unset' }],
    },
  ],
});
