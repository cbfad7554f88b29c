import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'type from an unset variable',
      code: `variable "type" {
  type = string
}

resource "aws_lb" "lb" {
  name               = "lb"
  load_balancer_type = var.type
}
`,
    },
  ],
  invalid: [{ name: 'default type is application', code: `resource "aws_lb" "lb" {\n  name = "lb"\n}\n`, errors: [{ path: 'drop_invalid_header_fields', line: 1, messageId: 'unset' }] }],
});
