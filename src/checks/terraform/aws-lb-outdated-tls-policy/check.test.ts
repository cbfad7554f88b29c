import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  invalid: [
    {
      name: 'TLS 1.3 policy that still allows TLS 1.0',
      code: `resource "aws_lb_listener" "l" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-0-2021-06"
}
`,
      errors: [{ path: 'ssl_policy', line: 4, messageId: 'outdated' }],
    },
  ],
});
