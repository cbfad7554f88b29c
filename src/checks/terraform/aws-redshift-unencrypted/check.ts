import { defineCheck } from '../../define-check.js';
import { isOff } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0089',
    slug: 'aws-redshift-unencrypted',
    title: 'Redshift cluster encryption is switched off',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_redshift_cluster'],
    description:
      'An `aws_redshift_cluster` sets `encrypted = false`. Unset is not reported: new provisioned clusters are encrypted by default since 2025 and provider defaults have changed across versions.',
    rationale:
      'An unencrypted warehouse leaves its blocks, snapshots and backups readable to whoever obtains a copy. Turning encryption on later migrates the whole cluster.',
    remediation: `Encrypt the cluster, preferably with a customer-managed KMS key.

\`\`\`hcl
resource "aws_redshift_cluster" "dwh" {
  cluster_identifier = "dwh"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.redshift.arn
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-10',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_64', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0084', match: 'partial' },
    ],
    messages: {
      off: 'Redshift cluster sets encrypted = false: data, snapshots and backups are unencrypted.',
    },
    examples: {
      good: `resource "aws_redshift_cluster" "good" {
  cluster_identifier = "good"
  node_type          = "ra3.xlplus"
  encrypted          = true
}
`,
      bad: `resource "aws_redshift_cluster" "bad" {
  cluster_identifier = "bad"
  node_type          = "ra3.xlplus"
  encrypted          = false
}
`,
    },
  },
  run(obj, ctx) {
    if (isOff(obj.value.encrypted)) ctx.report({ path: ['encrypted'] });
  },
});
