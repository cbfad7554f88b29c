import { defineCheck } from '../../define-check.js';
import { reportBlockFlagOff } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0081',
    slug: 'aws-opensearch-node-to-node-encryption-disabled',
    title: 'OpenSearch node-to-node encryption is not enabled',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    description:
      'An `aws_opensearch_domain` or `aws_elasticsearch_domain` has no `node_to_node_encryption { enabled = true }`.',
    rationale:
      'Without node-to-node encryption, data replicated and queried between the domain\'s nodes crosses the VPC network in clear text, where anything that can capture traffic can read it. It is required for fine-grained access control.',
    remediation: `Enable node-to-node encryption.

\`\`\`hcl
resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  node_to_node_encryption {
    enabled = true
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-3',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_6', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0043', match: 'same' },
    ],
    messages: {
      unset: 'Domain does not enable node-to-node encryption.',
      off: 'Domain sets node_to_node_encryption.enabled = false.',
    },
    examples: {
      good: `resource "aws_opensearch_domain" "good" {
  domain_name = "good"
  node_to_node_encryption {
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
    reportBlockFlagOff(obj, (d) => ctx.report(d), 'node_to_node_encryption', 'enabled');
  },
});
