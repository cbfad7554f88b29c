import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'no workload in the namespace: partial scan, not reported',
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web, namespace: shop }
spec:
  maxUnavailable: 1
  selector: { matchLabels: { app: web } }
`,
    },
    {
      name: 'matchExpressions selecting a StatefulSet; empty selector skipped',
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: db }
spec:
  minAvailable: 2
  selector:
    matchExpressions:
      - { key: app, operator: In, values: [postgres] }
      - { key: role, operator: Exists }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: everything }
spec:
  maxUnavailable: 1
  selector: {}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: postgres, namespace: default }
spec:
  template:
    metadata: { labels: { app: postgres, role: primary } }
    spec:
      containers: [{ name: pg, image: postgres:16 }]
`,
    },
  ],
  invalid: [
    {
      name: 'label renamed in the workload',
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web, namespace: shop }
spec:
  minAvailable: 1
  selector:
    matchLabels: { app.kubernetes.io/name: web }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata: { labels: { app.kubernetes.io/name: webapp } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.selector', line: 6, resource: 'web' }],
    },
    {
      name: 'NotIn excludes the only workload',
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: canary-only }
spec:
  maxUnavailable: 0
  selector:
    matchExpressions:
      - { key: track, operator: NotIn, values: [stable] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    metadata: { labels: { app: api, track: stable } }
    spec:
      containers: [{ name: api, image: example/api:1.0 }]
`,
      errors: [{ path: 'spec.selector', line: 6, resource: 'canary-only' }],
    },
  ],
});
