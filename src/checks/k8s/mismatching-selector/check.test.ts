import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'matchExpressions, numeric-looking label values, and a Job without selector',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  selector:
    matchLabels: { tier: "1" }
    matchExpressions:
      - { key: app, operator: In, values: [db, database] }
      - { key: canary, operator: DoesNotExist }
  template:
    metadata: { labels: { app: db, tier: 1 } }
    spec:
      containers: [{ name: db, image: postgres:16 }]
---
apiVersion: batch/v1
kind: Job
metadata: { name: once }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: task, image: busybox:1.36 }]
`,
    },
    {
      name: 'ReplicationController plain-map selector, or none; old API version defaults the selector',
      code: `apiVersion: v1
kind: ReplicationController
metadata: { name: rc }
spec:
  selector: { app: rc }
  template:
    metadata: { labels: { app: rc } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: v1
kind: ReplicationController
metadata: { name: rc-default }
spec:
  template:
    metadata: { labels: { app: rc } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata: { name: legacy }
spec:
  template:
    metadata: { labels: { app: legacy } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'label typo in a Deployment and a manual Job selector',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: web
  template:
    metadata:
      labels:
        app.kubernetes.io/name: wbe
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
---
apiVersion: batch/v1
kind: Job
metadata: { name: manual }
spec:
  manualSelector: true
  selector: { matchLabels: { job: manual } }
  template:
    metadata: { labels: { job: other } }
    spec:
      restartPolicy: Never
      containers: [{ name: task, image: busybox:1.36 }]
`,
      errors: [
        { path: 'spec.selector', line: 5, messageId: 'mismatch', resource: 'web' },
        { path: 'spec.selector', line: 20, messageId: 'mismatch', resource: 'manual' },
      ],
    },
    {
      name: 'apps/v1 DaemonSet without a selector, and one with an empty selector',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: agent, image: example/agent:1.0 }]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: rs }
spec:
  selector: {}
  template:
    metadata: { labels: { app: rs } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
      errors: [
        { path: 'spec.selector', line: 4, messageId: 'missing', resource: 'agent' },
        { path: 'spec.selector', line: 14, messageId: 'missing', resource: 'rs' },
      ],
    },
  ],
});
