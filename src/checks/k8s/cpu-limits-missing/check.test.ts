import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'LimitRange max becomes the default limit',
      code: `apiVersion: v1
kind: LimitRange
metadata: { name: bounds }
spec:
  limits:
    - type: Container
      max: { cpu: "2" }
---
apiVersion: v1
kind: Pod
metadata: { name: bounded }
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
    },
    {
      name: 'pod-level CPU limit',
      code: `apiVersion: v1
kind: Pod
metadata: { name: pod-level }
spec:
  resources:
    limits: { cpu: "1" }
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: 'a request does not imply a limit; a LimitRange defaultRequest does not either',
      code: `apiVersion: v1
kind: LimitRange
metadata: { name: requests-only }
spec:
  limits:
    - type: Container
      defaultRequest: { cpu: 100m }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: agent
          image: example/agent:1.0
          resources:
            requests: { cpu: 100m }
            limits: { memory: 128Mi }
`,
      errors: [{ path: 'spec.template.spec.containers[0].resources.limits.cpu', line: 22 }],
    },
    {
      name: 'empty value counts as missing; init container first',
      code: `apiVersion: v1
kind: Pod
metadata: { name: empty }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits:
          cpu: ""
`,
      errors: [
        { path: 'spec.initContainers[0].resources.limits.cpu', line: 6 },
        { path: 'spec.containers[0].resources.limits.cpu', line: 13 },
      ],
    },
  ],
});
