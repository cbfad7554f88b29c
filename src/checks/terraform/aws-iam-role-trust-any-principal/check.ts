import { defineCheck } from '../../define-check.js';
import { isAllow, isPublicPrincipal, resolvePolicy, statementName } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0027',
    slug: 'aws-iam-role-trust-any-principal',
    title: 'IAM role can be assumed by any AWS principal',
    severity: 'critical',
    category: 'iam',
    kinds: ['aws_iam_role'],
    description:
      'The trust policy (`assume_role_policy`) of an `aws_iam_role` allows principal `*` (or `{"AWS": "*"}`) without any `Condition`.',
    rationale:
      'A role whose trust policy names every principal can be assumed from any AWS account in the world, handing its permissions to anyone who learns the role ARN (ARNs are not secret). Trust must name accounts, roles or services, or be narrowed by conditions such as `aws:PrincipalOrgID` or `sts:ExternalId`.',
    remediation: `Name the principals allowed to assume the role, and add a condition for third parties.

\`\`\`hcl
resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/ci" }
      Action    = "sts:AssumeRole"
    }]
  })
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
    ],
    peers: [{ tool: 'checkov', id: 'CKV_AWS_60', match: 'partial' }],
    messages: { anyone: 'Trust policy statement {{statement}} lets any AWS principal assume the role.' },
    examples: {
      good: `resource "aws_iam_role" "good" {
  name = "good"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
`,
      bad: `resource "aws_iam_role" "bad" {
  name = "bad"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }]
  })
}
`,
    },
  },
  run(obj, ctx) {
    const doc = resolvePolicy(ctx.index, obj.value.assume_role_policy);
    if (!doc) return;
    for (const s of doc.statements) {
      if (isAllow(s) && !s.hasCondition && isPublicPrincipal(s.principal)) ctx.report({ path: ['assume_role_policy'], data: { statement: statementName(s) } });
    }
  },
});
