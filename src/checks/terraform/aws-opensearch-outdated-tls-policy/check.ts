import { defineCheck } from '../../define-check.js';
import { blocksAt, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0083',
    slug: 'aws-opensearch-outdated-tls-policy',
    title: 'OpenSearch domain allows TLS 1.0',
    severity: 'medium',
    category: 'encryption',
    kinds: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    description:
      'The `domain_endpoint_options.tls_security_policy` of an OpenSearch / Elasticsearch domain is `Policy-Min-TLS-1-0-2019-07`.',
    rationale:
      'TLS 1.0 and 1.1 are deprecated (RFC 8996) and rejected by PCI DSS; a domain that accepts them lets old or downgraded clients connect with weak cryptography.',
    remediation: `Require TLS 1.2 or later.

\`\`\`hcl
resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-8',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_228', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0126', match: 'partial' },
    ],
    messages: {
      outdated: 'Domain TLS policy "{{policy}}" accepts TLS 1.0 and 1.1.',
    },
    examples: {
      good: `resource "aws_opensearch_domain" "good" {
  domain_name = "good"
  domain_endpoint_options {
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
`,
      bad: `resource "aws_opensearch_domain" "bad" {
  domain_name = "bad"
  domain_endpoint_options {
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}
`,
    },
  },
  run(obj, ctx) {
    for (const o of blocksAt(obj.value, 'domain_endpoint_options').items) {
      const policy = strOf(o.block.tls_security_policy);
      if (typeof policy === 'string' && policy.startsWith('Policy-Min-TLS-1-0')) ctx.report({ path: [...o.path, 'tls_security_policy'], data: { policy } });
    }
  },
});
