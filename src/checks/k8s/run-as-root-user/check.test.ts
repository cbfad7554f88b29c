import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'unset everywhere (the image decides; run-as-non-root covers that)',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'non-zero values at both levels, and a string "0" is not a UID',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsUser: 1000 }
  containers:
    - name: a
      image: nginx:1.27
      securityContext: { runAsUser: 2000 }
    - name: b
      image: nginx:1.27
      securityContext: { runAsUser: "0" }
`,
    },
  ],
  invalid: [
    {
      name: 'pod-level 0 inherited by an init container, and a container-level 0 in a CronJob',
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
            runAsUser: 0
          initContainers:
            - name: init
              image: busybox:1.36
          containers:
            - name: job
              image: example/job:1.0
              securityContext:
                runAsUser: 0
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.securityContext.runAsUser', line: 11 },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.runAsUser', line: 19 },
      ],
    },
    {
      name: 'pod-level 0 overridden everywhere is still reported once',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    runAsUser: 0
  containers:
    - name: a
      image: nginx:1.27
      securityContext: { runAsUser: 1000 }
    - name: b
      image: nginx:1.27
      securityContext: { runAsUser: 1001 }
`,
      errors: [{ path: 'spec.securityContext.runAsUser', line: 6 }],
    },
  ],
});

it('PAL-K8S-0029 names the containers that inherit a pod-level 0', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsUser: 0 }
  containers:
    - { name: a, image: nginx:1.27 }
    - { name: b, image: nginx:1.27 }
    - { name: c, image: nginx:1.27, securityContext: { runAsUser: 5 } }
`);
  assert.deepEqual(fs.map((f) => f.message), ['Pod securityContext sets runAsUser: 0; inherited by "a", "b", which run as root.']);
});
