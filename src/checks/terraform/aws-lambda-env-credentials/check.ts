import { defineCheck } from '../../define-check.js';
import { blocksAt, credentialVariables, isObj } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0068',
    slug: 'aws-lambda-env-credentials',
    title: 'Lambda environment variables contain credentials',
    severity: 'high',
    category: 'secrets',
    kinds: ['aws_lambda_function'],
    description:
      'An `environment { variables = {...} }` entry of an `aws_lambda_function` has a credential-like name (`DB_PASSWORD`, `API_KEY`, `*_TOKEN`, …) and a literal value, or holds an AWS access key ID. Values from variables, references and secret-store paths are not reported; values are never shown.',
    rationale:
      'Lambda environment variables are visible to anyone with `lambda:GetFunctionConfiguration`, are stored in Terraform state in plain text and show up in CI logs and plan output. A secret written there has leaked to all of them.',
    remediation: `Store the secret in Secrets Manager or SSM Parameter Store, pass its name in the environment, and read it at start-up (or use the Parameters and Secrets Lambda extension).

\`\`\`hcl
resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = aws_iam_role.orders.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "orders.zip"

  environment {
    variables = {
      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn
    }
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption',
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_45', match: 'partial' },
    ],
    messages: {
      found: 'Lambda environment variable "{{name}}" holds a literal credential.',
    },
    examples: {
      good: `resource "aws_lambda_function" "good" {
  function_name = "good"
  role          = "arn:aws:iam::111122223333:role/lambda"
  environment {
    variables = {
      DB_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf"
      LOG_LEVEL     = "info"
    }
  }
}
`,
      bad: `resource "aws_lambda_function" "bad" {
  function_name = "bad"
  role          = "arn:aws:iam::111122223333:role/lambda"
  environment {
    variables = {
      DB_PASSWORD = "hunter2-but-longer"
    }
  }
}
`,
    },
  },
  run(obj, ctx) {
    for (const env of blocksAt(obj.value, 'environment').items) {
      const vars = env.block.variables;
      if (!isObj(vars)) continue;
      for (const name of credentialVariables(vars)) ctx.report({ path: [...env.path, 'variables', name], data: { name } });
    }
  },
});
