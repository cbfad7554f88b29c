import { defineCheck } from '../../define-check.js';
import { isOff, isSetString, offOrUnset, strOf } from '../../_lib/terraform-aws.js';

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0036',
    slug: 'aws-rds-multi-az-disabled',
    title: 'RDS instance is not Multi-AZ',
    severity: 'low',
    category: 'reliability',
    kinds: ['aws_db_instance'],
    description:
      'An `aws_db_instance` does not set `multi_az = true`. Read replicas and Aurora engines (whose availability comes from the cluster) are not reported.',
    rationale:
      'A single-AZ instance goes down with its Availability Zone and during many maintenance operations; recovery means restoring from backup and losing the writes since. Multi-AZ keeps a synchronous standby that takes over automatically. Low severity: development databases can accept the risk.',
    remediation: `Run production databases Multi-AZ.

\`\`\`hcl
resource "aws_db_instance" "orders" {
  engine         = "postgres"
  instance_class = "db.t4g.medium"
  multi_az       = true
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-5',
    ],
    peers: [{ tool: 'checkov', id: 'CKV_AWS_157', match: 'same' }],
    messages: {
      unset: 'Database instance does not set multi_az: it has no standby in another Availability Zone.',
      off: 'Database instance sets multi_az = false: it has no standby in another Availability Zone.',
    },
    examples: {
      good: `resource "aws_db_instance" "good" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  multi_az       = true
}
`,
      bad: `resource "aws_db_instance" "bad" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  multi_az       = false
}
`,
    },
  },
  run(obj, ctx) {
    const v = obj.value;
    if (isSetString(v.replicate_source_db)) return;
    const engine = strOf(v.engine);
    if (typeof engine === 'string' && engine.startsWith('aurora')) return;
    if (offOrUnset(v.multi_az)) ctx.report({ path: ['multi_az'], messageId: isOff(v.multi_az) ? 'off' : 'unset' });
  },
});
