import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const options = { labels: ['app.kubernetes.io/name', 'owner'] };

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'all configured labels present',
      options,
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app.kubernetes.io/name: web, owner: team-a }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'kinds option restricts the check',
      options: { ...options, kinds: ['Deployment'] },
      code: `apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { key: value }
`,
    },
    {
      name: 'an empty label list disables the check',
      options: { labels: [] },
      code: `apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { key: value }
`,
    },
  ],
  invalid: [
    {
      name: 'one label missing (located at metadata.labels), one empty',
      options,
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    owner: ""
spec:
  ports: [{ port: 80 }]
`,
      errors: [
        { path: 'metadata.labels["app.kubernetes.io/name"]', line: 5, messageId: 'missing' },
        { path: 'metadata.labels.owner', line: 6, messageId: 'empty' },
      ],
    },
    {
      name: 'no labels at all (located at metadata); numeric label values count as set',
      options,
      code: `apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { key: value }
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
  labels: { app.kubernetes.io/name: creds, owner: 42 }
`,
      errors: [
        { path: 'metadata.labels["app.kubernetes.io/name"]', line: 3, messageId: 'missing', resource: 'settings' },
        { path: 'metadata.labels.owner', line: 3, messageId: 'missing', resource: 'settings' },
      ],
    },
  ],
});
