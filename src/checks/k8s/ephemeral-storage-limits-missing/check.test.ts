import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'LimitRange default in the same namespace',
      code: `apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: batch }
spec:
  limits:
    - type: Container
      default: { ephemeral-storage: 2Gi }
---
apiVersion: v1
kind: Pod
metadata: { name: app, namespace: batch }
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
    },
    {
      name: 'limit set on every container',
      code: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      resources: { limits: { ephemeral-storage: 100Mi } }
  containers:
    - name: app
      image: nginx:1.27
      resources: { limits: { ephemeral-storage: 1Gi } }
`,
    },
  ],
  invalid: [
    {
      name: 'a request is not a limit',
      code: `apiVersion: v1
kind: Pod
metadata: { name: request-only }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          ephemeral-storage: 1Gi
`,
      errors: [{ path: 'spec.containers[0].resources.limits.ephemeral-storage', line: 8 }],
    },
    {
      name: 'one of two containers in a StatefulSet',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers:
        - name: db
          image: postgres:16
          resources: { limits: { ephemeral-storage: 1Gi } }
        - name: exporter
          image: example/exporter:0.15
`,
      errors: [{ path: 'spec.template.spec.containers[1].resources.limits.ephemeral-storage', line: 14 }],
    },
  ],
});
