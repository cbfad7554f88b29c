import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'request defaults to the CPU limit',
      code: `apiVersion: v1
kind: Pod
metadata: { name: limit-only }
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits: { cpu: 500m }
`,
    },
    {
      name: 'LimitRange in the same namespace defaults the request',
      code: `apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: shop }
spec:
  limits:
    - type: Container
      defaultRequest: { cpu: 100m }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'pod-level resources cover every container; ephemeral containers are not checked',
      code: `apiVersion: v1
kind: Pod
metadata: { name: pod-level }
spec:
  resources:
    requests: { cpu: "1" }
  containers:
    - name: app
      image: nginx:1.27
  ephemeralContainers:
    - name: debug
      image: busybox:1.36
`,
    },
  ],
  invalid: [
    {
      name: 'init container and container of a Deployment, in order',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      initContainers:
        - name: migrate
          image: example/migrate:1.0
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests:
              memory: 128Mi
`,
      errors: [
        { path: 'spec.template.spec.initContainers[0].resources.requests.cpu', line: 10 },
        { path: 'spec.template.spec.containers[0].resources.requests.cpu', line: 16 },
      ],
    },
    {
      name: 'LimitRange in another namespace does not help; CronJob nesting',
      code: `apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: other }
spec:
  limits:
    - type: Container
      defaultRequest: { cpu: 100m }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: shop }
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: example/report:2.0
              resources: { limits: { memory: 64Mi } }
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].resources.requests.cpu', line: 22, resource: 'report' }],
    },
    {
      name: 'inside a kind: List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: listed }
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ path: 'spec.containers[0].resources.requests.cpu', line: 9 }],
    },
  ],
});
