import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const auditOnly = `resource "aws_eks_cluster" "c" {
  name                      = "c"
  enabled_cluster_log_types = ["audit", "authenticator"]
}
`;

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'the required option', code: auditOnly, options: { required: ['audit', 'authenticator'] } }],
  invalid: [{ name: 'default requires all five', code: auditOnly, errors: [{ path: 'enabled_cluster_log_types', line: 3 }] }],
});
