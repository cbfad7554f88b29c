import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'single replica (explicit and default) needs no budget',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: one }
spec:
  replicas: 1
  template:
    metadata: { labels: { app: one } }
    spec:
      containers: [{ name: one, image: nginx:1.27 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: implicit }
spec:
  template:
    metadata: { labels: { app: implicit } }
    spec:
      containers: [{ name: db, image: postgres:16 }]
`,
    },
    {
      name: 'budget with matchExpressions in the default namespace (unset on the workload)',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  replicas: 3
  template:
    metadata: { labels: { app: db, role: replica } }
    spec:
      containers: [{ name: db, image: postgres:16 }]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: db, namespace: default }
spec:
  minAvailable: 2
  selector:
    matchExpressions: [{ key: app, operator: In, values: [db] }]
`,
    },
  ],
  invalid: [
    {
      name: 'HPA minReplicas makes an unset replica count replicated',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    metadata: { labels: { app: api } }
    spec:
      containers: [{ name: api, image: example/api:1.0 }]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
  minReplicas: 3
  maxReplicas: 10
`,
      errors: [{ path: 'spec.replicas', line: 4, resource: 'api' }],
    },
    {
      name: 'budget selects other pods, or lives in another namespace',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 2
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: api, namespace: shop }
spec:
  maxUnavailable: 1
  selector: { matchLabels: { app: api } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web, namespace: staging }
spec:
  maxUnavailable: 1
  selector: { matchLabels: { app: web } }
`,
      errors: [{ path: 'spec.replicas', line: 5, resource: 'web' }],
    },
  ],
});
