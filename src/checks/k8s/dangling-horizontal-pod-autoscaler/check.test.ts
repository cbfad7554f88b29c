import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'HPA alone in the scan (partial): not reported',
      code: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 5
`,
    },
    {
      name: 'older apiVersion in the reference and unset vs default namespace still match',
      code: `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: { name: db, namespace: default }
spec:
  scaleTargetRef: { apiVersion: extensions/v1beta1, kind: StatefulSet, name: db }
  maxReplicas: 3
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: db, image: postgres:16 }]
`,
    },
    {
      name: 'custom scale target (Argo Rollout) present in the scan',
      code: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api }
spec:
  scaleTargetRef: { apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: api }
  maxReplicas: 10
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: api }
spec:
  replicas: 2
`,
    },
  ],
  invalid: [
    {
      name: 'kind changed from Deployment to StatefulSet',
      code: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  maxReplicas: 5
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.scaleTargetRef.name', line: 8, resource: 'web' }],
    },
    {
      name: 'target in another namespace, other workloads in the HPA namespace',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: { name: api, namespace: shop }
    spec:
      scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
      maxReplicas: 5
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: api, namespace: staging }
    spec:
      template:
        spec:
          containers: [{ name: api, image: example/api:1.0 }]
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web, namespace: shop }
    spec:
      template:
        spec:
          containers: [{ name: web, image: example/web:1.0 }]
`,
      errors: [{ path: 'spec.scaleTargetRef.name', line: 8, resource: 'api' }],
    },
  ],
});
