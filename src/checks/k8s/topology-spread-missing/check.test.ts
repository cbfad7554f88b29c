import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'one replica or replicas unset',
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
kind: StatefulSet
metadata: { name: unset }
spec:
  serviceName: unset
  selector: { matchLabels: { app: unset } }
  template:
    metadata: { labels: { app: unset } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'constraint with matchExpressions selecting own pods',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: kafka }
spec:
  replicas: 3
  serviceName: kafka
  selector: { matchLabels: { app: kafka } }
  template:
    metadata: { labels: { app: kafka } }
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          labelSelector:
            matchExpressions: [{ key: app, operator: Exists }]
      containers: [{ name: kafka, image: example/kafka:3.7 }]
`,
    },
  ],
  invalid: [
    {
      name: 'anti-affinity alone is not a spread constraint',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector: { matchLabels: { app: web } }
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.template.spec.topologySpreadConstraints', line: 9, messageId: 'missing' }],
    },
    {
      name: 'constraint selecting other pods',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  replicas: 2
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector: { matchLabels: { app: web } }
      containers: [{ name: api, image: example/api:1.0 }]
`,
      errors: [{ path: 'spec.template.spec.topologySpreadConstraints', line: 10, messageId: 'notSelf' }],
    },
  ],
});
