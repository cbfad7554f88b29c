import { defineCheck } from '../../define-check.js';
import { blocksAt, isOff } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0082',
    slug: 'aws-opensearch-https-not-enforced',
    title: 'OpenSearch domain accepts plain HTTP',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    description:
      'An `aws_opensearch_domain` or `aws_elasticsearch_domain` has no `domain_endpoint_options` block (the service then does not enforce HTTPS) or sets `enforce_https = false`. Inside the block, unset means true.',
    rationale:
      'Without HTTPS enforcement, clients can send queries, documents and credentials (basic auth, signed requests) to the domain in clear text.',
    remediation: `Enforce HTTPS with a TLS 1.2+ policy.

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
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-8',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_83', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0046', match: 'same' },
    ],
    messages: {
      missing: 'Domain has no domain_endpoint_options: HTTPS is not enforced.',
      off: 'Domain sets enforce_https = false.',
    },
    examples: {
      good: `resource "aws_opensearch_domain" "good" {
  domain_name = "good"
  domain_endpoint_options {
    enforce_https = true
  }
}
`,
      bad: `resource "aws_opensearch_domain" "bad" {
  domain_name = "bad"
  domain_endpoint_options {
    enforce_https = false
  }
}
`,
    },
  },
  run(obj, ctx) {
    const opts = blocksAt(obj.value, 'domain_endpoint_options');
    if (opts.unknown) return;
    const first = opts.items[0];
    if (!first) ctx.report({ path: ['domain_endpoint_options'], messageId: 'missing' });
    else if (isOff(first.block.enforce_https)) ctx.report({ path: [...first.path, 'enforce_https'], messageId: 'off' });
  },
});
