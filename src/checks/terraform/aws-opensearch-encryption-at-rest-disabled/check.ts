import { defineCheck } from '../../define-check.js';
import { reportBlockFlagOff } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0080',
    slug: 'aws-opensearch-encryption-at-rest-disabled',
    title: 'OpenSearch domain is not encrypted at rest',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    description:
      'An `aws_opensearch_domain` or `aws_elasticsearch_domain` has no `encrypt_at_rest { enabled = true }`.',
    rationale:
      'Search domains index the data applications send them, often logs and documents with personal data. Without encryption at rest, indices, automated snapshots and swap files are stored in clear. It can only be enabled at creation on older engine versions.',
    remediation: `Enable encryption at rest (optionally with a customer-managed \`kms_key_id\`).

\`\`\`hcl
resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled = true
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-1',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_5', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0048', match: 'same' },
    ],
    messages: {
      unset: 'Domain does not enable encryption at rest.',
      off: 'Domain sets encrypt_at_rest.enabled = false.',
    },
    examples: {
      good: `resource "aws_opensearch_domain" "good" {
  domain_name = "good"
  encrypt_at_rest {
    enabled = true
  }
}
`,
      bad: `resource "aws_opensearch_domain" "bad" {
  domain_name = "bad"
}
`,
    },
  },
  run(obj, ctx) {
    reportBlockFlagOff(obj, (d) => ctx.report(d), 'encrypt_at_rest', 'enabled');
  },
});
