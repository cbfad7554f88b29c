import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'request defaults to the memory limit',
      code: `apiVersion: v1
kind: Pod
metadata: { name: limit-only }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits: { memory: 256Mi }
`,
    },
    {
      name: 'LimitRange default limit also defaults the request',
      code: `apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: shop }
spec:
  limits:
    - type: Container
      default: { memory: 512Mi }
---
apiVersion: v1
kind: Pod
metadata: { name: app, namespace: shop }
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: 'LimitRange of type Pod does not default container requests',
      code: `apiVersion: v1
kind: LimitRange
metadata: { name: pod-bounds, namespace: shop }
spec:
  limits:
    - type: Pod
      max: { memory: 2Gi }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: { cpu: 100m }
`,
      errors: [{ path: 'spec.template.spec.containers[0].resources.requests.memory', line: 21, resource: 'web' }],
    },
    {
      name: 'every container is reported',
      code: `apiVersion: v1
kind: Pod
metadata: { name: two }
spec:
  containers:
    - name: app
      image: nginx:1.27
    - name: sidecar
      image: envoyproxy/envoy:v1.30
      resources: {}
`,
      errors: [
        { path: 'spec.containers[0].resources.requests.memory', line: 6 },
        { path: 'spec.containers[1].resources.requests.memory', line: 10 },
      ],
    },
  ],
});
