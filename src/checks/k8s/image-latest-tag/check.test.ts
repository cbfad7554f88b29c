import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'digest-pinned latest, untagged (another check), templated tag, tag that merely contains latest',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: a
          image: nginx:latest@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
        - name: b
          image: nginx
        - name: c
          image: "ghcr.io/acme/api:\${TAG}"
        - name: d
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
        - name: e
          image: example/app:latest-1.2
`,
    },
    {
      name: 'registry with a port is not a tag',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: localhost:5000/app:1.0
`,
    },
  ],
  invalid: [
    {
      name: 'latest in an init container of a CronJob and behind a registry port',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: init
              image: busybox:latest
          containers:
            - name: job
              image: registry.local:5000/team/job:latest
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.initContainers[0].image', line: 12 },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].image', line: 15 },
      ],
    },
    {
      name: 'inside a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: p }
    spec:
      containers:
        - { name: app, image: "docker.io/library/redis:latest" }
`,
      errors: [{ path: 'spec.containers[0].image', line: 9 }],
    },
  ],
});
