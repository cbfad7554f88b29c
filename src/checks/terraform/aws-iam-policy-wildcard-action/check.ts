import { defineCheck } from '../../define-check.js';
import {
  IAM_POLICY_KINDS,
  identityStatements,
  isAdminStatement,
  isAllow,
  isFullWildcardAction,
  isServiceWildcardAction,
  statementName,
} from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0021',
    slug: 'aws-iam-policy-wildcard-action',
    title: 'IAM policy allows every action of a service',
    severity: 'medium',
    category: 'iam',
    kinds: [...IAM_POLICY_KINDS],
    description:
      'An IAM identity policy (policy resources, role `inline_policy`, or a `data "aws_iam_policy_document"` statement without principals) has an `Allow` statement with a whole-service wildcard action (`s3:*`, `iam:*`) or `*` on specific resources. `*` on `*` is reported by aws-iam-policy-full-admin instead.',
    rationale:
      'A service wildcard grants today\'s and tomorrow\'s actions, including the destructive and privilege-changing ones (`s3:DeleteBucket`, `s3:PutBucketPolicy`, `iam:*` is account takeover). Listing the actions the workload calls keeps a leaked credential from doing more than the workload does.',
    remediation: `List the actions the identity uses instead of the service wildcard.

\`\`\`hcl
resource "aws_iam_role_policy" "uploads" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "\${aws_s3_bucket.uploads.arn}/*"
    }]
  })
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_63', match: 'partial' },
      { tool: 'checkov', id: 'CKV_AWS_49', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0057', match: 'partial' },
    ],
    messages: { wildcard: 'Policy statement {{statement}} allows {{actions}}.' },
    examples: {
      good: `resource "aws_iam_policy" "good" {
  name = "uploads"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::uploads/*" }]
  })
}
`,
      bad: `resource "aws_iam_policy" "bad" {
  name = "uploads"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::uploads/*" }]
  })
}
`,
    },
  },
  run(obj, ctx) {
    for (const { statement: s, path } of identityStatements(obj)) {
      if (!isAllow(s) || isAdminStatement(s)) continue;
      const wild = s.actions.filter((a) => isFullWildcardAction(a) || isServiceWildcardAction(a));
      if (wild.length === 0) continue;
      ctx.report({ path, data: { statement: statementName(s), actions: wild.map((a) => `"${a}"`).join(', ') } });
    }
  },
});
