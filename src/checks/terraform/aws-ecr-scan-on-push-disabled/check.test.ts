import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'registry scanning configuration covers every repository',
      code: `resource "aws_ecr_registry_scanning_configuration" "enhanced" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}

resource "aws_ecr_repository" "r" {
  name = "r"
}
`,
    },
  ],
  invalid: [
    {
      name: 'explicit false',
      code: `resource "aws_ecr_repository" "r" {
  name = "r"
  image_scanning_configuration {
    scan_on_push = false
  }
}
`,
      errors: [{ path: 'image_scanning_configuration[0].scan_on_push', line: 4, messageId: 'off' }],
    },
  ],
});
