import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'namespace-wide policy and partial scan (no workload in namespace)',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: shop }
spec:
  podSelector: {}
  policyTypes: ["Ingress"]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
`,
    },
    {
      name: 'selects a Job pod template; unset namespace equals default',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: migrate, namespace: default }
spec:
  podSelector:
    matchLabels: { job: migrate }
  policyTypes: ["Egress"]
  egress:
    - to: [{ podSelector: { matchLabels: { app: db } } }]
---
apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec:
  template:
    metadata: { labels: { job: migrate } }
    spec:
      restartPolicy: Never
      containers: [{ name: migrate, image: example/migrate:1.0 }]
`,
    },
    {
      name: 'pods of an operator-managed cluster (named after the custom resource)',
      code: `apiVersion: ceph.rook.io/v1
kind: CephCluster
metadata: { name: rook-ceph, namespace: rook-ceph }
spec:
  mon: { count: 3 }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: rook-ceph-mon, namespace: rook-ceph }
spec:
  podSelector: { matchLabels: { app: rook-ceph-mon } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: rook-ceph-operator, namespace: rook-ceph }
spec:
  template:
    metadata: { labels: { app: rook-ceph-operator } }
    spec:
      containers: [{ name: operator, image: rook/ceph:v1.15.0 }]
`,
    },
  ],
  invalid: [
    {
      name: 'policy for a workload that is not in the scan namespace',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: api }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: billing }
spec:
  template:
    metadata: { labels: { app: api } }
    spec:
      containers: [{ name: api, image: example/api:1.0 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: example/web:1.0 }]
`,
      errors: [{ path: 'spec.podSelector', line: 5, resource: 'api' }],
    },
    {
      name: 'matchExpressions that no pod satisfies, in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: { name: workers }
    spec:
      podSelector:
        matchExpressions: [{ key: tier, operator: In, values: [worker] }]
  - apiVersion: v1
    kind: Pod
    metadata: { name: web, labels: { tier: frontend } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.podSelector', line: 8, resource: 'workers' }],
    },
  ],
});
