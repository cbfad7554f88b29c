import { defineCheck } from '../../define-check.js';
import { blocksAt, isSetString } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0092',
    slug: 'aws-api-gateway-access-logging-missing',
    title: 'API Gateway stage has no access logging',
    severity: 'medium',
    category: 'logging',
    kinds: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
    description:
      'An `aws_api_gateway_stage` (REST) or `aws_apigatewayv2_stage` (HTTP/WebSocket) has no `access_log_settings` with a `destination_arn`.',
    rationale:
      'Access logs record each caller, source IP, route, status and latency. They are how abuse of an API (credential stuffing, scraping, enumeration) is detected and investigated; without them the API leaves no trace of who called it.',
    remediation: `Send access logs to a CloudWatch Logs group (or Firehose) with a structured format.

\`\`\`hcl
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format = jsonencode({
      requestId = "$context.requestId"
      ip        = "$context.identity.sourceIp"
      route     = "$context.routeKey"
      status    = "$context.status"
    })
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_76', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0001', match: 'same' },
    ],
    messages: {
      missing: 'API stage has no access logging (no access_log_settings.destination_arn).',
    },
    examples: {
      good: `resource "aws_apigatewayv2_stage" "good" {
  api_id = "a1b2c3"
  name   = "prod"
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:api-access"
    format          = "$context.requestId $context.status"
  }
}
`,
      bad: `resource "aws_apigatewayv2_stage" "bad" {
  api_id = "a1b2c3"
  name   = "prod"
}
`,
    },
  },
  run(obj, ctx) {
    const settings = blocksAt(obj.value, 'access_log_settings');
    if (settings.unknown) return;
    if (settings.items.some((s) => isSetString(s.block.destination_arn))) return;
    const first = settings.items[0];
    ctx.report({ path: first ? [...first.path, 'destination_arn'] : ['access_log_settings'] });
  },
});
