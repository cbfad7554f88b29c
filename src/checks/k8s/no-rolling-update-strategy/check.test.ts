import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'apps/v1 kinds default to RollingUpdate',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: agent, image: example/agent:1.0 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  updateStrategy: {}
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: db, image: postgres:16 }]
`,
    },
    {
      name: 'explicit RollingUpdate with parameters',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  updateStrategy:
    type: RollingUpdate
    rollingUpdate: { partition: 0 }
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: db, image: postgres:16 }]
`,
    },
  ],
  invalid: [
    {
      name: 'OnDelete DaemonSet and Recreate Deployment',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  updateStrategy:
    type: OnDelete
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: agent, image: example/agent:1.0 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  strategy:
    type: Recreate
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [
        { path: 'spec.updateStrategy.type', line: 6, messageId: 'explicit', resource: 'agent' },
        { path: 'spec.strategy.type', line: 18, messageId: 'explicit', resource: 'web' },
      ],
    },
    {
      name: 'old API version whose default was OnDelete',
      code: `apiVersion: apps/v1beta1
kind: StatefulSet
metadata: { name: legacy }
spec:
  serviceName: legacy
  template:
    metadata: { labels: { app: legacy } }
    spec:
      containers: [{ name: db, image: postgres:9.6 }]
`,
      errors: [{ path: 'spec.updateStrategy.type', line: 4, messageId: 'defaulted' }],
    },
  ],
});
