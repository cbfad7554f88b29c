import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'unset protocol on a load balancer outside the scan cannot be judged',
      code: `variable "lb_arn" {
  type = string
}

resource "aws_lb_listener" "l" {
  load_balancer_arn = var.lb_arn
  port              = 80
  default_action {
    type = "forward"
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'fixed response over HTTP',
      code: `resource "aws_lb_listener" "l" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}
`,
      errors: [{ path: 'protocol', line: 4 }],
    },
  ],
});
