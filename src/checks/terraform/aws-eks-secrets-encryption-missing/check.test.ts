import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'no encryption_config',
      code: `resource "aws_eks_cluster" "c" {
  name = "c"
  vpc_config {
    subnet_ids = ["subnet-1"]
  }
}
`,
      errors: [{ path: 'encryption_config', line: 1 }],
    },
  ],
});
