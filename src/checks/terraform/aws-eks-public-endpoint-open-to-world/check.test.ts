import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'open CIDR located in the list',
      code: `resource "aws_eks_cluster" "c" {
  name = "c"
  vpc_config {
    subnet_ids          = ["subnet-1"]
    public_access_cidrs = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
`,
      errors: [{ path: 'vpc_config[0].public_access_cidrs[1]', line: 5, messageId: 'open' }],
    },
  ],
});
