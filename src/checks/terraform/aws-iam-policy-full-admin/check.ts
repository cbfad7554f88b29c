import { defineCheck } from '../../define-check.js';
import { IAM_POLICY_KINDS, identityStatements, isAdminStatement, statementName } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0020',
    slug: 'aws-iam-policy-full-admin',
    title: 'IAM policy grants full administrator access',
    severity: 'high',
    category: 'iam',
    kinds: [...IAM_POLICY_KINDS],
    description:
      'An IAM policy (`aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`, a role\'s `inline_policy`, or a `data "aws_iam_policy_document"` statement without principals) has an `Allow` statement with `Action: "*"` on `Resource: "*"`. JSON strings, `jsonencode()` and the data source are read; a resource that takes its policy from a data source is reported on the data source.',
    rationale:
      'A `*:*` policy is the account\'s root key in all but name: whoever holds it can read every secret, disable logging, create users and delete backups. Administrator access belongs to the AWS-managed AdministratorAccess policy behind a break-glass role, never to application or CI identities (CIS AWS 1.16).',
    remediation: `Grant the specific actions and resources the identity uses (IAM Access Analyzer can generate them from CloudTrail).

\`\`\`hcl
resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
      Resource = aws_ecs_service.app.id
    }]
  })
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1',
    ],
    standards: { cis: ['AWS 1.16'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_62', match: 'same' },
      { tool: 'checkov', id: 'CKV_AWS_1', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0057', match: 'partial' },
    ],
    messages: { admin: 'Policy statement {{statement}} allows every action on every resource ("*" on "*").' },
    examples: {
      good: `resource "aws_iam_policy" "good" {
  name = "read-logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:GetLogEvents", "logs:DescribeLogStreams"]
      Resource = "arn:aws:logs:eu-west-1:111122223333:log-group:app:*"
    }]
  })
}
`,
      bad: `resource "aws_iam_policy" "bad" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}
`,
    },
  },
  run(obj, ctx) {
    for (const { statement, path } of identityStatements(obj)) {
      if (isAdminStatement(statement)) ctx.report({ path, data: { statement: statementName(statement) } });
    }
  },
});
