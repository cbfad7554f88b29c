import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'required anti-affinity on the hostname selecting own pods',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  replicas: 3
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db, tier: data } }
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector:
                matchExpressions: [{ key: app, operator: In, values: [db] }]
      containers: [{ name: db, image: postgres:16 }]
`,
    },
    {
      name: 'single replica, replicas unset, and a spread constraint using matchLabelKeys',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: one }
spec:
  replicas: 1
  selector: { matchLabels: { app: one } }
  template:
    metadata: { labels: { app: one } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: apps/v1
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
kind: Deployment
metadata: { name: keys }
spec:
  replicas: 4
  selector: { matchLabels: { app: keys } }
  template:
    metadata: { labels: { app: keys } }
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          matchLabelKeys: [app, pod-template-hash]
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'replicas come from an HPA; no spreading at all',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 6
`,
      errors: [{ path: 'spec.template.spec.affinity.podAntiAffinity', line: 8, messageId: 'missing' }],
    },
    {
      name: 'anti-affinity that selects another app (copy-paste)',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  replicas: 3
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector: { matchLabels: { app: web } }
      containers: [{ name: api, image: example/api:1.0 }]
`,
      errors: [{ path: 'spec.template.spec.affinity.podAntiAffinity', line: 11, messageId: 'notSelf' }],
    },
  ],
});
