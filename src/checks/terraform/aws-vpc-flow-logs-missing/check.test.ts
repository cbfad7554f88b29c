import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'flow log for another VPC',
      code: `resource "aws_vpc" "a" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_vpc" "b" {
  cidr_block = "10.2.0.0/16"
}

resource "aws_flow_log" "b" {
  vpc_id       = aws_vpc.b.id
  traffic_type = "ALL"
}
`,
      errors: [{ path: '', line: 1, resource: 'aws_vpc.a' }],
    },
  ],
});
