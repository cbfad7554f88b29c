import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'replicas absent, or zero (scaled down on purpose)',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: unset }
spec:
  selector: { matchLabels: { app: unset } }
  template:
    metadata: { labels: { app: unset } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: parked }
spec:
  replicas: 0
  serviceName: parked
  selector: { matchLabels: { app: parked } }
  template:
    metadata: { labels: { app: parked } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'an HPA in the same namespace owns the replica count',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 10
`,
    },
  ],
  invalid: [
    {
      name: 'StatefulSet with one replica',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 1
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: db, image: postgres:16 }]
`,
      errors: [{ path: 'spec.replicas', line: 6 }],
    },
    {
      name: 'an HPA in another namespace does not count',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: staging }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 10
`,
      errors: [{ path: 'spec.replicas', line: 5, resource: 'web' }],
    },
  ],
});
