import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [{ name: 'string false', code: `resource "aws_ebs_encryption_by_default" "d" {\n  enabled = "false"\n}\n`, errors: [{ path: 'enabled', line: 2 }] }],
});
