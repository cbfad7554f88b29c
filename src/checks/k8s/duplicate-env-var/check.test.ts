import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'same name in different containers, different case, and env overriding envFrom',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          env: [{ name: MODE, value: init }]
      containers:
        - name: app
          image: nginx:1.27
          envFrom:
            - configMapRef: { name: app-config }
          env:
            - { name: MODE, value: serve }
            - { name: mode, value: other }
`,
    },
    {
      name: 'no env at all',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'second and third occurrence reported, in a CronJob init container',
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
              image: busybox:1.36
              env:
                - name: TARGET
                  value: a
                - name: OTHER
                  value: x
                - name: TARGET
                  value: b
                - name: TARGET
                  valueFrom:
                    secretKeyRef: { name: s, key: k }
          containers:
            - name: job
              image: example/job:1.0
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.initContainers[0].env[2].name', line: 18 },
        { path: 'spec.jobTemplate.spec.template.spec.initContainers[0].env[3].name', line: 20 },
      ],
    },
    {
      name: 'flow-style entries',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - { name: A, value: "1" }
        - { name: B, value: "2" }
        - { name: A, value: "3" }
`,
      errors: [{ path: 'spec.containers[0].env[2].name', line: 11 }],
    },
  ],
});

it('PAL-K8S-0040 points at the first occurrence', () => {
  const fs = runCheckOn(check, check.meta.examples.bad);
  assert.deepEqual(fs.map((f) => f.message), [
    'Container "app" defines environment variable "LOG_LEVEL" again (first at env[0]); only the last definition takes effect.',
  ]);
});
