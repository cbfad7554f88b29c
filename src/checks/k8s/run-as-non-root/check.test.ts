import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'pod-level runAsNonRoot inherited by all container kinds',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: app
          image: nginx:1.27
`,
    },
    {
      name: 'non-zero runAsUser is enough, at pod or container level',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    runAsUser: 1000
  containers:
    - name: a
      image: nginx:1.27
    - name: b
      image: nginx:1.27
      securityContext:
        runAsNonRoot: false
        runAsUser: 65532
`,
    },
  ],
  invalid: [
    {
      name: 'nothing set anywhere, CronJob',
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
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsNonRoot', line: 11 }],
    },
    {
      name: 'container overrides the pod with false; another inherits runAsUser 0',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    runAsUser: 0
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: false
    - name: sidecar
      image: envoyproxy/envoy:v1.31.0
    - name: fine
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
`,
      errors: [
        { path: 'spec.containers[0].securityContext.runAsNonRoot', line: 11 },
        { path: 'spec.containers[1].securityContext.runAsNonRoot', line: 12 },
      ],
    },
    {
      name: 'pod-level false is reported for each inheriting container',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    runAsNonRoot: false
  containers:
    - name: a
      image: nginx:1.27
    - name: b
      image: nginx:1.27
`,
      errors: [
        { path: 'spec.securityContext.runAsNonRoot', line: 6 },
        { path: 'spec.securityContext.runAsNonRoot', line: 6 },
      ],
    },
  ],
});

it('PAL-K8S-0028 names where an explicit false comes from', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsNonRoot: false }
  containers: [{ name: app, image: nginx:1.27 }]
`);
  assert.deepEqual(fs.map((f) => f.message), ['Container "app" has runAsNonRoot: false (set in the pod securityContext) and no non-zero runAsUser.']);
});
