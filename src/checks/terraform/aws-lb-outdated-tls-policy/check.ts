import { defineCheck } from '../../define-check.js';
import { listenerProtocol, strOf } from '../../_lib/terraform-aws.js';

/**
 * ELB security policies that still negotiate TLS 1.0 or 1.1. Newer policies name their minimum version
 * (`…-TLS13-1-2-…`, `…-TLS-1-2-…`, `…-FS-1-2-…`); the 2015/2016 and `-1-0`/`-1-1` families accept older ones.
 */
function isOutdated(policy: string): boolean {
  return /^ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-|TLS-1-1-|FS-2018-06|FS-1-1-|TLS13-1-0-|TLS13-1-1-)/.test(policy);
}

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0061',
    slug: 'aws-lb-outdated-tls-policy',
    title: 'Load balancer listener accepts TLS 1.0 or 1.1',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_lb_listener', 'aws_alb_listener'],
    description:
      'An HTTPS or TLS `aws_lb_listener` uses an ELB security policy that allows TLS 1.0/1.1 (`ELBSecurityPolicy-2016-08`, `…-TLS-1-1-2017-01`, `…-TLS13-1-0-2021-06`, …), or sets no `ssl_policy` and gets the provider\'s default, `ELBSecurityPolicy-2016-08`.',
    rationale:
      'TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on weak constructions (CBC with SHA-1, no AEAD) and are rejected by PCI DSS. A policy that still offers them lets a downgrade-capable attacker or an old client use them.',
    remediation: `Use a TLS 1.2+ policy, preferably one that also offers TLS 1.3.

\`\`\`hcl
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.web.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener#ssl_policy',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_103', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0047', match: 'partial' },
    ],
    messages: {
      outdated: 'Listener uses {{policy}}, which still allows TLS 1.0/1.1.',
      unset: 'HTTPS/TLS listener sets no ssl_policy: the provider default ELBSecurityPolicy-2016-08 allows TLS 1.0/1.1.',
    },
    examples: {
      good: `resource "aws_lb_listener" "good" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"
  }
}
`,
      bad: `resource "aws_lb_listener" "bad" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"
  }
}
`,
    },
  },
  run(obj, ctx) {
    const protocol = listenerProtocol(ctx.index, obj);
    if (protocol !== 'HTTPS' && protocol !== 'TLS') return;
    const policy = strOf(obj.value.ssl_policy);
    if (policy === null) return;
    if (policy === undefined) ctx.report({ path: ['ssl_policy'], messageId: 'unset' });
    else if (isOutdated(policy)) ctx.report({ path: ['ssl_policy'], messageId: 'outdated', data: { policy } });
  },
});
