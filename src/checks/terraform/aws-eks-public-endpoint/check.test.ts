import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'default public endpoint is reported at vpc_config',
      code: `resource "aws_eks_cluster" "c" {
  name = "c"
  vpc_config {
    subnet_ids = ["subnet-1"]
  }
}
`,
      errors: [{ path: 'vpc_config[0].endpoint_public_access', line: 3, messageId: 'unset' }],
    },
  ],
});
