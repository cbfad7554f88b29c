import { defineCheck } from '../../define-check.js';
import { blocksAt, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0067',
    slug: 'aws-lambda-tracing-disabled',
    title: 'Lambda function does not use active X-Ray tracing',
    severity: 'low',
    category: 'logging',
    kinds: ['aws_lambda_function'],
    description:
      'An `aws_lambda_function` has no `tracing_config { mode = "Active" }` (the default mode is `PassThrough`).',
    rationale:
      'Active tracing records every invocation and the downstream calls it makes, which is how unusual call patterns (a function suddenly calling IAM or an unknown endpoint) and the path of a request through a serverless system are reconstructed during an incident.',
    remediation: `Turn on active tracing and give the function role \`xray:PutTraceSegments\` (the AWSXRayDaemonWriteAccess policy).

\`\`\`hcl
resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = aws_iam_role.orders.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "orders.zip"

  tracing_config {
    mode = "Active"
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#tracing_config',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_50', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0066', match: 'same' },
    ],
    messages: {
      unset: 'Lambda function has no active tracing (tracing_config.mode defaults to PassThrough).',
      mode: 'Lambda tracing_config.mode = "{{mode}}": invocations are not traced.',
    },
    examples: {
      good: `resource "aws_lambda_function" "good" {
  function_name = "good"
  role          = "arn:aws:iam::111122223333:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  tracing_config {
    mode = "Active"
  }
}
`,
      bad: `resource "aws_lambda_function" "bad" {
  function_name = "bad"
  role          = "arn:aws:iam::111122223333:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
}
`,
    },
  },
  run(obj, ctx) {
    const configs = blocksAt(obj.value, 'tracing_config');
    if (configs.unknown) return;
    const first = configs.items[0];
    if (!first) {
      ctx.report({ path: ['tracing_config', 0, 'mode'], messageId: 'unset' });
      return;
    }
    const mode = strOf(first.block.mode);
    if (typeof mode === 'string' && mode !== 'Active') ctx.report({ path: [...first.path, 'mode'], messageId: 'mode', data: { mode } });
  },
});
