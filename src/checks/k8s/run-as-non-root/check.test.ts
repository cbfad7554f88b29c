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
      errors: [
        {
          path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsNonRoot',
          line: 11,
          fix: [{ op: 'add', path: '/spec/jobTemplate/spec/template/spec/containers/0/securityContext', value: { runAsNonRoot: true } }],
        },
      ],
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
        // runAsUser: 0 (inherited from the pod) asks for root: runAsNonRoot: true would stop the container from starting.
        { path: 'spec.containers[0].securityContext.runAsNonRoot', line: 11, fix: null },
        { path: 'spec.containers[1].securityContext.runAsNonRoot', line: 12, fix: null },
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
        // Each container gets its own true, which wins over the pod's false.
        { path: 'spec.securityContext.runAsNonRoot', line: 6, fix: [{ op: 'add', path: '/spec/containers/0/securityContext', value: { runAsNonRoot: true } }] },
        { path: 'spec.securityContext.runAsNonRoot', line: 6, fix: [{ op: 'add', path: '/spec/containers/1/securityContext', value: { runAsNonRoot: true } }] },
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

it('PAL-K8S-0028 fix: an explicit false on the container is replaced where it is', () => {
  const fs = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { runAsNonRoot: false }
`,
  );
  assert.deepEqual(
    fs.map((f) => f.fix?.patch),
    [
      [
        { op: 'test', path: '/spec/containers/0/securityContext/runAsNonRoot', value: false },
        { op: 'replace', path: '/spec/containers/0/securityContext/runAsNonRoot', value: true },
      ],
    ],
  );
});
