import { defineSecretRule, type SecretRule } from '../define-rule.js';

const AWS_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';

const rules: SecretRule[] = [
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0001',
      slug: 'aws-access-key-id',
      title: 'AWS access key ID',
      severity: 'high',
      description: 'An AWS access key ID (AKIA… long-term, ASIA… temporary). On its own it identifies a key; next to its secret it grants access.',
      remediation: 'Deactivate and delete the key in IAM, rotate anything it could reach, and load credentials from an IAM role or a secret store instead of a file.',
      references: [AWS_DOCS],
      peers: [{ tool: 'gitleaks', id: 'aws-access-token' }],
      keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
      examples: {
        positive: ['aws_access_key_id = AKIAZ4TQPLM3RXK7WB2D', 'env:\n  - name: AWS_KEY\n    value: "ASIAQ7NHZK2LW5RT3YXE"'],
        negative: ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AKIA is the prefix of long-term keys', 'id: AKIAZ4TQPLM3RXK7WB2'],
      },
    },
    pattern: /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/,
    secretGroup: 1,
    // AWS's documentation keys end in EXAMPLE; real ones are random base32.
    validate: (s) => !s.endsWith('EXAMPLE'),
  }),
  defineSecretRule({
    meta: {
      id: 'PAL-SEC-0002',
      slug: 'aws-secret-access-key',
      title: 'AWS secret access key',
      severity: 'critical',
      description: 'A 40-character AWS secret access key assigned to an AWS-named variable or key.',
      remediation: 'Deactivate and delete the key pair in IAM, review CloudTrail for its use, and move workloads to IAM roles (IRSA, instance profiles) or a secret store.',
      references: [AWS_DOCS],
      peers: [{ tool: 'trufflehog', id: 'AWS' }],
      keywords: ['aws', 'secret_access_key', 'secretaccesskey'],
      examples: {
        positive: ['aws_secret_access_key = "q8Zr3/KfT1mW9bXo+Lp2NcV7yHs4DgE6aJu0RiQx"', 'AWS_SECRET_ACCESS_KEY: 7tPq2Lm+Zr9Xc4Vb1Nk8Hs3Jd6Fg0Wy5Ea/UoTiR'],
        negative: ['aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', 'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}', 'aws_secret_access_key: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
      },
    },
    pattern: /aws[\w.-]{0,20}?(?:secret|sak)[\w.-]{0,20}?['"]?\s*[:=]\s*['"]?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i,
    secretGroup: 1,
    minEntropy: 4.0,
    validate: (s) => !/EXAMPLE/.test(s),
  }),
];

export default rules;
