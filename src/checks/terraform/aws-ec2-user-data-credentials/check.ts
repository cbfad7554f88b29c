import { defineCheck } from '../../define-check.js';
import { credentialsInText, maybeBase64Decode } from '../../_lib/terraform-aws.js';

/** Largest user data AWS accepts is 16 KB; anything far above that is not user data worth scanning line by line. */
const MAX_USER_DATA = 256 * 1024;

export default defineCheck({
  meta: {
    target: 'terraform',
    id: 'PAL-TF-0045',
    slug: 'aws-ec2-user-data-credentials',
    title: 'EC2 user data contains credentials',
    severity: 'critical',
    category: 'secrets',
    kinds: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
    description:
      'The `user_data` / `user_data_base64` of an `aws_instance`, `aws_launch_template` or `aws_launch_configuration` contains an AWS access key ID, a private key, a password in a URL, or a credential-named variable with a literal value (base64 user data is decoded first). Values are never shown.',
    rationale:
      'User data is not secret: anyone with `ec2:DescribeInstanceAttribute`, and any process on the instance through the metadata service, can read it, and it ends up in Terraform state and CI logs. Credentials in it leak to all of them.',
    remediation: `Give the instance an IAM role, and have the boot script fetch secrets from Secrets Manager or SSM Parameter Store.

\`\`\`hcl
resource "aws_instance" "app" {
  ami                  = data.aws_ami.al2023.id
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
  user_data            = <<-EOT
    #!/bin/bash
    DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id orders/db --query SecretString --output text)
  EOT
}
\`\`\``,
    references: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html',
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html',
    ],
    peers: [
      { tool: 'checkov', id: 'CKV_AWS_46', match: 'partial' },
      { tool: 'trivy', id: 'AVD-AWS-0029', match: 'partial' },
    ],
    messages: { found: 'User data contains {{what}}.' },
    examples: {
      good: `resource "aws_instance" "good" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\\necho hello\\n"
}
`,
      bad: `resource "aws_instance" "bad" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\\n"
}
`,
    },
  },
  run(obj, ctx) {
    for (const attr of ['user_data', 'user_data_base64'] as const) {
      const raw = obj.value[attr];
      if (typeof raw !== 'string' || raw.length > MAX_USER_DATA) continue;
      const text = attr === 'user_data_base64' ? maybeBase64Decode(raw, true) : maybeBase64Decode(raw);
      const what = credentialsInText(text);
      if (what) ctx.report({ path: [attr], data: { what } });
    }
  },
});
