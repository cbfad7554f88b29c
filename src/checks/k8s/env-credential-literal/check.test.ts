import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'boolean-like and masked values',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: db
      image: mysql:8
      env:
        - { name: MYSQL_ALLOW_EMPTY_PASSWORD, value: "yes" }
        - { name: MYSQL_RANDOM_ROOT_PASSWORD, value: "true" }
        - { name: ADMIN_PASSWORD, value: "********" }
        - { name: VAULT_TOKEN_PATH, value: /vault/token }
`,
    },
    {
      name: 'unrendered Helm templates and secret-store references',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: example/app:1.0
      env:
        - { name: PASSWORD, value: "{{ .Values.password }}" }
        - { name: AWS_SECRET_ACCESS_KEY, value: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app" }
        - { name: CLIENT_SECRET, value: "<client-secret>" }
`,
    },
  ],
  invalid: [
    {
      name: 'CronJob with named credential, private key, connection string',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: sync }
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: sync
              image: example/sync:1.0
              env:
                - name: REDIS_PASS
                  value: "123456"
                - name: SSH_KEY
                  value: |
                    -----BEGIN OPENSSH PRIVATE KEY-----
                    b3BlbnNzaC1rZXktdjEAAAAA
                    -----END OPENSSH PRIVATE KEY-----
                - name: MSSQL_CONNECTION
                  value: "Server=db;User Id=sa;Password=Str0ng!;"
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].env[0].value', line: 16, messageId: 'named' },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].env[1].value', line: 18, messageId: 'inline' },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].env[2].value', line: 23, messageId: 'inline' },
      ],
    },
    {
      name: 'camelCase name in an ephemeral container',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: example/app:1.0
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
      env:
        - name: apiToken
          value: ghp_exampletoken
`,
      errors: [{ path: 'spec.ephemeralContainers[0].env[0].value', line: 13, messageId: 'named' }],
    },
  ],
});
