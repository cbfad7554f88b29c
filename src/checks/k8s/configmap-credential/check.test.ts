import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'placeholders, public keys and booleans',
      code: `apiVersion: v1
kind: ConfigMap
metadata: { name: cm }
data:
  API_KEY: ""
  CLIENT_SECRET: "<set-in-secret>"
  PUBLIC_KEY: MFkwEwYHKoZIzj0CAQYI
  REQUIRE_PASSWORD: "true"
  PASSWORD_MIN_LENGTH: "12"
  app.properties: |
    # password=not-a-real-one
    spring.datasource.password=\${DB_PASSWORD}
`,
    },
    {
      name: 'binaryData is not inspected and Secrets are another kind',
      code: `apiVersion: v1
kind: ConfigMap
metadata: { name: cm }
binaryData:
  keystore.p12: MIIKZQIBAzCCCi8GCSqGSIb3DQEHAaCCCiAEggocMIIKGDCCBM8GCSqG
---
apiVersion: v1
kind: Secret
metadata: { name: s }
stringData:
  password: hunter2
`,
    },
  ],
  invalid: [
    {
      name: 'dotted property key, .env file content, URL with password',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  spring.datasource.password: hunter2
  app.env: |
    PORT=8080
    export GITHUB_TOKEN=ghp_example123
  REDIS_URL: redis://:r3dispass@redis:6379/0
  LOG_LEVEL: debug
`,
      errors: [
        { path: 'data["spring.datasource.password"]', line: 6, messageId: 'key' },
        { path: 'data["app.env"]', line: 7, messageId: 'content' },
        { path: 'data.REDIS_URL', line: 10, messageId: 'content' },
      ],
    },
    {
      name: 'ConfigMap in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: listed }
    data:
      clientSecret: abc123def456
`,
      errors: [{ path: 'data.clientSecret', line: 8, resource: 'listed' }],
    },
  ],
});
