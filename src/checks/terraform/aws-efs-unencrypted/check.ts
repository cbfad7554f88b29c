import { defineCheck } from '../../define-check.js';
import { isOff, offOrUnset } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0094',
    slug: 'aws-efs-unencrypted',
    title: 'EFS file system is not encrypted',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_efs_file_system'],
    standards: { cis: ['AWS 2.4.1'] },
    description:
      'An `aws_efs_file_system` does not set `encrypted = true` (the API and provider default is false).',
    rationale:
      'Shared file systems hold application data, uploads and home directories for many instances at once. Without encryption at rest that data and its backups are stored in clear, and encryption can only be chosen when the file system is created.',
    remediation: `Create the file system encrypted (optionally with a customer-managed \`kms_key_id\`).

\`\`\`hcl
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html#efs-1',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_42', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0037', match: 'same' },
    ],
    messages: {
      unset: 'EFS file system does not set encrypted = true: its data is stored unencrypted.',
      off: 'EFS file system sets encrypted = false.',
    },
    examples: {
      good: `resource "aws_efs_file_system" "good" {
  creation_token = "good"
  encrypted      = true
}
`,
      bad: `resource "aws_efs_file_system" "bad" {
  creation_token = "bad"
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value.encrypted;
    if (offOrUnset(v)) ctx.report({ path: ['encrypted'], messageId: isOff(v) ? 'off' : 'unset' });
  },
});
