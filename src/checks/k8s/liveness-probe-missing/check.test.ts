import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'Jobs, CronJobs and one-shot Pods are not long-running',
      code: `apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: migrate, image: example/migrate:1.0 }]
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: report, image: example/report:1.0 }]
---
apiVersion: v1
kind: Pod
metadata: { name: one-shot }
spec:
  restartPolicy: Never
  containers: [{ name: task, image: busybox:1.36 }]
`,
    },
    {
      name: 'init and ephemeral containers need no probe',
      code: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        exec: { command: ["true"] }
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
`,
    },
  ],
  invalid: [
    {
      name: 'only the container without a probe is reported',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          livenessProbe:
            httpGet: { path: /, port: 80 }
        - name: sidecar
          image: envoyproxy/envoy:v1.30
`,
      errors: [{ path: 'spec.template.spec.containers[1].livenessProbe', line: 14 }],
    },
    {
      name: 'bare Pod with the default restartPolicy; null probe counts as missing',
      code: `apiVersion: v1
kind: Pod
metadata: { name: bare }
spec:
  containers:
    - name: app
      image: nginx:1.27
      livenessProbe: null
`,
      errors: [{ path: 'spec.containers[0].livenessProbe', line: 8 }],
    },
  ],
});
