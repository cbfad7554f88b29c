import { defineCheck } from '../../define-check.js';
import { blocksAt, listenerProtocol, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0060',
    slug: 'aws-lb-http-listener-without-redirect',
    title: 'Load balancer serves plain HTTP without redirecting to HTTPS',
    severity: 'high',
    category: 'encryption',
    kinds: ['aws_lb_listener', 'aws_alb_listener'],
    description:
      'An `aws_lb_listener` uses protocol `HTTP` (set, or the default of an application load balancer in the scan) and its default action is not a redirect to HTTPS.',
    rationale:
      'Plain HTTP sends session cookies, tokens and form data in clear text to anyone on the path, and lets them alter responses. An HTTP listener should only redirect to HTTPS.',
    remediation: `Serve the application on an HTTPS listener and make the HTTP listener redirect.

\`\`\`hcl
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-1',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_2', match: 'same' },
      { tool: 'checkov', id: 'CKV2_AWS_20', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0054', match: 'same' },
    ],
    messages: { http: 'HTTP listener forwards traffic in clear text instead of redirecting to HTTPS.' },
    examples: {
      good: `resource "aws_lb_listener" "good" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`,
      bad: `resource "aws_lb_listener" "bad" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/73e2d6bc24d8a067"
  }
}
`,
    },
  },
  run(obj, ctx) {
    if (listenerProtocol(ctx.index, obj) !== 'HTTP') return;
    const actions = blocksAt(obj.value, 'default_action');
    if (actions.unknown) return;
    for (const a of actions.items) {
      const type = strOf(a.block.type);
      if (type === null) return;
      if (type !== 'redirect') continue;
      const redirect = blocksAt(a.block, 'redirect');
      if (redirect.unknown) return;
      const protocol = redirect.items.map((r) => strOf(r.block.protocol));
      if (protocol.some((p) => p === null || p === 'HTTPS')) return;
    }
    ctx.report({ path: ['protocol'] });
  },
});
