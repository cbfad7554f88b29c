import { resourcePolicyPublicCheck } from '../../_lib/terraform-aws.js';

export default resourcePolicyPublicCheck({
  id: 'PAL-TF-0097',
  slug: 'aws-sqs-queue-policy-public-principal',
  title: 'SQS queue policy allows any principal',
  service: 'SQS queue',
  kinds: ['aws_sqs_queue_policy', 'aws_sqs_queue'],
  target: {
    attribute: 'queue_url',
    example: 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders',
    reference: 'aws_sqs_queue.orders.id',
    arn: 'arn:aws:sqs:eu-west-1:111122223333:orders',
  },
  action: 'sqs:SendMessage',
  reference: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html',
  peers: [{ tool: 'checkov', id: 'CKV_AWS_168', match: 'partial' }],
});
