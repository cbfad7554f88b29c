import { resourcePolicyPublicCheck } from '../../_lib/terraform-aws.js';

export default resourcePolicyPublicCheck({
  id: 'PAL-TF-0098',
  slug: 'aws-sns-topic-policy-public-principal',
  title: 'SNS topic policy allows any principal',
  service: 'SNS topic',
  kinds: ['aws_sns_topic_policy', 'aws_sns_topic'],
  target: {
    attribute: 'arn',
    example: 'arn:aws:sns:eu-west-1:111122223333:alerts',
    reference: 'aws_sns_topic.alerts.arn',
    arn: 'arn:aws:sns:eu-west-1:111122223333:alerts',
  },
  action: 'sns:Publish',
  reference: 'https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html',
  peers: [{ tool: 'checkov', id: 'CKV_AWS_169', match: 'partial' }],
});
