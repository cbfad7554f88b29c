import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'missing namespace is not reported by default',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'built-in objects of the default namespace, even with flagMissing',
      options: { flagMissing: true },
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: default }
---
apiVersion: v1
kind: Service
metadata: { name: kubernetes }
spec:
  ports: [{ port: 443 }]
---
apiVersion: v1
kind: Secret
metadata: { name: creds, namespace: shop }
`,
    },
  ],
  invalid: [
    {
      name: 'explicit default namespace',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`,
      errors: [{ path: 'metadata.namespace', line: 5, messageId: 'explicit' }],
    },
    {
      name: 'flagMissing reports objects without a namespace (located at metadata)',
      options: { flagMissing: true },
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules: []
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: default }
spec:
  schedule: "@daily"
  jobTemplate: { spec: { template: { spec: { containers: [] } } } }
`,
      errors: [
        { path: 'metadata.namespace', line: 3, messageId: 'missing', resource: 'reader' },
        { path: 'metadata.namespace', line: 9, messageId: 'explicit', resource: 'report' },
      ],
    },
  ],
});
