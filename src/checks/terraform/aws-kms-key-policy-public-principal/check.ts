import { defineCheck } from '../../define-check.js';
import { isAllow, isPublicPrincipal, resolvePolicy, statementName } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0047',
    slug: 'aws-kms-key-policy-public-principal',
    title: 'KMS key policy allows any principal',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_kms_key', 'aws_kms_key_policy'],
    description:
      'The key policy of an `aws_kms_key` (or an `aws_kms_key_policy`) has an `Allow` statement for principal `*` without a `Condition`.',
    rationale:
      'A key policy is the root of access to a KMS key: IAM policies only matter if the key policy lets the account delegate. A wildcard principal lets any AWS account use or manage the key, and so decrypt every piece of data encrypted with it.',
    remediation: `Name the account root (to delegate to IAM) and the roles that administer and use the key; add conditions such as \`kms:CallerAccount\` or \`kms:ViaService\` when a wildcard is unavoidable.

\`\`\`hcl
resource "aws_kms_key" "data" {
  description         = "data"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdmin"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
      'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
    ],
    peers: [{ tool: 'checkov', id: 'CKV_AWS_33', match: 'partial' }],
    messages: { public: 'Key policy statement {{statement}} allows any principal without a condition.' },
    examples: {
      good: `resource "aws_kms_key" "good" {
  description = "good"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }]
  })
}
`,
      bad: `resource "aws_kms_key" "bad" {
  description = "bad"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}
`,
    },
  },
  run(obj, ctx) {
    const doc = resolvePolicy(ctx.index, obj.value.policy);
    if (!doc) return;
    for (const s of doc.statements) {
      if (isAllow(s) && !s.hasCondition && isPublicPrincipal(s.principal)) ctx.report({ path: ['policy'], data: { statement: statementName(s) } });
    }
  },
});
