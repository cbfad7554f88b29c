import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'pod-level high GID inherited by init and app containers; exactly 10000 passes',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        runAsGroup: 10000
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: app
          image: nginx:1.27
`,
    },
    {
      name: 'GID 0 is left to run-as-root-group; a container overrides a low pod GID',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    runAsGroup: 1000
  containers:
    - name: root
      image: nginx:1.27
      securityContext: { runAsGroup: 0 }
    - name: high
      image: nginx:1.27
      securityContext: { runAsGroup: 65532 }
`,
    },
  ],
  invalid: [
    {
      name: 'unset, container-level low and pod-level low, in a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext:
            runAsGroup: 1001
          containers:
            - name: a
              image: example/job:1.0
            - name: b
              image: example/job:1.0
              securityContext:
                runAsGroup: 999
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.containers[1].securityContext.runAsGroup', line: 18 },
        { path: 'spec.jobTemplate.spec.template.spec.securityContext.runAsGroup', line: 11 },
      ],
    },
    {
      name: 'runAsUser without runAsGroup',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    runAsUser: 10001
  containers:
    - name: app
      image: nginx:1.27
`,
      errors: [{ path: 'spec.containers[0].securityContext.runAsGroup', line: 8 }],
    },
  ],
});

it('PAL-K8S-0032 messages', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: a, image: nginx:1.27 }
    - { name: b, image: nginx:1.27, securityContext: { runAsGroup: 100 } }
`);
  assert.deepEqual(fs.map((f) => f.message), [
    'Container "a" does not set runAsGroup, so the image decides its primary GID; set one of 10000 or more.',
    'Container "b" runs with GID 100, below 10000.',
  ]);
});
