import { defineCheck } from '../../define-check.js';
import { isOff, loadBalancerType, offOrUnset } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0062',
    slug: 'aws-lb-invalid-headers-not-dropped',
    title: 'Application load balancer forwards invalid HTTP headers',
    severity: 'medium',
    category: 'network',
    kinds: ['aws_lb', 'aws_alb'],
    description:
      'An application load balancer (`load_balancer_type` unset or `application`) does not set `drop_invalid_header_fields = true` (default false).',
    rationale:
      'Header names that do not conform to the HTTP specification are how request-smuggling and header-injection attacks confuse the load balancer and the backend into reading different requests. Dropping them at the edge removes that ambiguity.',
    remediation: `Drop invalid header fields (and consider \`desync_mitigation_mode = "strictest"\`).

\`\`\`hcl
resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "application"
  subnets                    = aws_subnet.public[*].id
  drop_invalid_header_fields = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-4',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_131', match: 'same' },
      { tool: 'trivy', id: 'AVD-AWS-0052', match: 'same' },
    ],
    messages: {
      unset: 'Application load balancer does not drop invalid HTTP header fields (defaults to false).',
      off: 'Application load balancer sets drop_invalid_header_fields = false.',
    },
    examples: {
      good: `resource "aws_lb" "good" {
  name                       = "good"
  drop_invalid_header_fields = true
}
`,
      bad: `resource "aws_lb" "bad" {
  name = "bad"
}
`,
    },
  },
  run(obj, ctx) {
    if (loadBalancerType(obj) !== 'application') return;
    const v = obj.value.drop_invalid_header_fields;
    if (offOrUnset(v)) ctx.report({ path: ['drop_invalid_header_fields'], messageId: isOff(v) ? 'off' : 'unset' });
  },
});
