import { defineCheck } from '../../define-check.js';
import { listOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0022',
    slug: 'aws-iam-policy-attached-to-user',
    title: 'IAM policy attached directly to a user',
    severity: 'low',
    category: 'iam',
    kinds: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'],
    description:
      'A policy is granted straight to an IAM user: an inline `aws_iam_user_policy`, an `aws_iam_user_policy_attachment`, or an `aws_iam_policy_attachment` with `users`.',
    rationale:
      'Permissions granted user by user drift apart and outlive the job they were for; nobody can answer "who can do X" without reading every user. Granting through groups (or, better, roles assumed via SSO) keeps permissions in a few reviewed places (CIS AWS 1.15).',
    remediation: `Attach the policy to a group and make the user a member (or move the user to IAM Identity Center).

\`\`\`hcl
resource "aws_iam_group_policy_attachment" "developers" {
  group      = aws_iam_group.developers.name
  policy_arn = aws_iam_policy.developer.arn
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.developers.name]
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2',
    ],
    standards: { cis: ['AWS 1.15'] },
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_40', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0143', match: 'same' },
    ],
    messages: {
      inline: 'Inline policy is attached directly to an IAM user.',
      attachment: 'Managed policy is attached directly to an IAM user.',
      users: 'Policy attachment grants the policy directly to IAM users.',
    },
    examples: {
      good: `resource "aws_iam_group_policy_attachment" "good" {
  group      = "developers"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`,
      bad: `resource "aws_iam_user_policy_attachment" "bad" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`,
    },
  },
  run(obj, ctx) {
    if (obj.kind === 'aws_iam_user_policy') ctx.report({ path: ['user'], messageId: 'inline' });
    else if (obj.kind === 'aws_iam_user_policy_attachment') ctx.report({ path: ['user'], messageId: 'attachment' });
    // An unknown `users` list may well be empty: only a list we can see names users.
    else if (listOf(obj.value.users).items.length > 0) ctx.report({ path: ['users'], messageId: 'users' });
  },
});
