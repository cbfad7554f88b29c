import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'pod-level high UID inherited by init and app containers; exactly 10000 passes',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        runAsUser: 10000
      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: app
          image: nginx:1.27
`,
    },
    {
      name: 'UID 0 is left to run-as-root-user; a container overrides a low pod UID',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    runAsUser: 1000
  containers:
    - name: root
      image: nginx:1.27
      securityContext: { runAsUser: 0 }
    - name: high
      image: nginx:1.27
      securityContext: { runAsUser: 65532 }
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
            runAsUser: 1001
          containers:
            - name: a
              image: example/job:1.0
            - name: b
              image: example/job:1.0
              securityContext:
                runAsUser: 999
            - name: c
              image: example/job:1.0
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.containers[1].securityContext.runAsUser', line: 18 },
        { path: 'spec.jobTemplate.spec.template.spec.securityContext.runAsUser', line: 11 },
      ],
    },
    {
      name: 'nothing set: every container reported at the field it should set',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
`,
      errors: [
        { path: 'spec.initContainers[0].securityContext.runAsUser', line: 6 },
        { path: 'spec.containers[0].securityContext.runAsUser', line: 11 },
      ],
    },
  ],
});

it('PAL-K8S-0031 reports a pod-level low UID once with its inheritors', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsUser: 1000 }
  containers:
    - { name: a, image: nginx:1.27 }
    - { name: b, image: nginx:1.27 }
`);
  assert.deepEqual(fs.map((f) => f.message), ['Pod securityContext sets runAsUser: 1000 (below 10000); inherited by "a", "b".']);
});
