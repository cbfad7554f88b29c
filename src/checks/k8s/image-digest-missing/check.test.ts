import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'digest with and without tag, across container kinds',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
      containers:
        - name: app
          image: localhost:5000/app:1.0@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
`,
    },
    {
      name: 'templated ends are not judged',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: a
      image: "ghcr.io/acme/api:\${TAG}"
    - name: b
      image: "{{ .Values.image }}"
    - name: c
      image: "ghcr.io/acme/api@\${DIGEST}"
`,
    },
  ],
  invalid: [
    {
      name: 'tagged and untagged, CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: example/job:1.0
            - name: side
              image: busybox
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].image', line: 12 },
        { path: 'spec.jobTemplate.spec.template.spec.containers[1].image', line: 14 },
      ],
    },
    {
      name: 'templated registry but literal tag',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: "\${REGISTRY}/app:1.0"
`,
      errors: [{ path: 'spec.containers[0].image', line: 7 }],
    },
  ],
});
