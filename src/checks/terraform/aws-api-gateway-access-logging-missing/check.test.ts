import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'settings block without destination',
      code: `resource "aws_apigatewayv2_stage" "s" {
  api_id = "a"
  name   = "prod"
  access_log_settings {
    format = "$context.requestId"
  }
}
`,
      errors: [{ path: 'access_log_settings[0].destination_arn', line: 4 }],
    },
  ],
});
