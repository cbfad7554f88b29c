import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'nothing set',
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
      name: 'pod-level runAsGroup 0 overridden by every container, non-zero groups elsewhere',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    runAsGroup: 0
    fsGroup: 2000
    supplementalGroups: [3000, 4000]
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext: { runAsGroup: 1000 }
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { runAsGroup: 1000 }
`,
    },
  ],
  invalid: [
    {
      name: 'every pod-level form, plus a container, in a CronJob',
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
            runAsGroup: 0
            fsGroup: 0
            supplementalGroups:
              - 1000
              - 0
          containers:
            - name: job
              image: example/job:1.0
            - name: side
              image: example/side:1.0
              securityContext:
                runAsGroup: 0
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.securityContext.runAsGroup', line: 11 },
        { path: 'spec.jobTemplate.spec.template.spec.securityContext.fsGroup', line: 12 },
        { path: 'spec.jobTemplate.spec.template.spec.securityContext.supplementalGroups[1]', line: 15 },
        { path: 'spec.jobTemplate.spec.template.spec.containers[1].securityContext.runAsGroup', line: 22 },
      ],
    },
    {
      name: 'container-level only',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 1000
        runAsGroup: 0
`,
      errors: [{ path: 'spec.containers[0].securityContext.runAsGroup', line: 10 }],
    },
  ],
});

it('PAL-K8S-0030 names inheriting containers and the supplemental index', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsGroup: 0, supplementalGroups: [0] }
  containers:
    - { name: a, image: nginx:1.27 }
    - { name: b, image: nginx:1.27, securityContext: { runAsGroup: 5 } }
`);
  assert.deepEqual(fs.map((f) => f.message), [
    'Pod securityContext sets runAsGroup: 0 (the root group); inherited by "a".',
    'Pod securityContext lists the root group (0) in supplementalGroups[0].',
  ]);
});
