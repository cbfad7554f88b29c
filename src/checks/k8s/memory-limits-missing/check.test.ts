import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'LimitRange default limit in the same (unset) namespace',
      code: `apiVersion: v1
kind: LimitRange
metadata: { name: defaults }
spec:
  limits:
    - type: Container
      default: { memory: 512Mi }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'pod-level memory limit',
      code: `apiVersion: v1
kind: Pod
metadata: { name: pod-level }
spec:
  resources:
    limits: { memory: 1Gi }
  initContainers:
    - name: init
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: 'a memory request alone is not a limit',
      code: `apiVersion: v1
kind: Pod
metadata: { name: request-only }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          memory: 256Mi
`,
      errors: [{ path: 'spec.containers[0].resources.limits.memory', line: 8 }],
    },
    {
      name: 'sidecar init container in a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: backup }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: proxy
              image: example/proxy:1.0
              restartPolicy: Always
          containers:
            - name: backup
              image: example/backup:1.0
              resources:
                limits: { memory: 256Mi }
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.initContainers[0].resources.limits.memory', line: 12 }],
    },
  ],
});
