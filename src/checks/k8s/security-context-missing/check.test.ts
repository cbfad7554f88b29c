import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'a pod-level securityContext covers containers without one',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        seccompProfile: { type: RuntimeDefault }
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'every container has its own securityContext',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext: { runAsNonRoot: true }
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { allowPrivilegeEscalation: false }
`,
    },
  ],
  invalid: [
    {
      name: 'missing, null and empty container contexts with an empty pod context',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: {}
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {}
    - name: hardened
      image: nginx:1.27
      securityContext: { readOnlyRootFilesystem: true }
    - name: sidecar
      image: example/sidecar:1.0
`,
      errors: [
        { path: 'spec.initContainers[0].securityContext', line: 9 },
        { path: 'spec.containers[0].securityContext', line: 13 },
        { path: 'spec.containers[2].securityContext', line: 17 },
      ],
    },
    {
      name: 'CronJob without any security context',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: main
              image: busybox:1.36
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext', line: 12 }],
    },
  ],
});
