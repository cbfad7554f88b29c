import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'init and app containers read-only',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          securityContext: { readOnlyRootFilesystem: true }
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            readOnlyRootFilesystem: true
`,
    },
    {
      name: 'Windows pods are exempt',
      code: `apiVersion: v1
kind: Pod
metadata: { name: win }
spec:
  os: { name: windows }
  containers: [{ name: app, image: mcr.microsoft.com/windows/nanoserver:ltsc2022 }]
`,
    },
  ],
  invalid: [
    {
      name: 'a pod-level securityContext does not help (the field is container-only), CronJob',
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
            readOnlyRootFilesystem: true
          containers:
            - name: job
              image: example/job:1.0
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem', line: 13 }],
    },
    {
      name: 'explicit false and a string "true"',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext:
        readOnlyRootFilesystem: false
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        readOnlyRootFilesystem: "true"
`,
      errors: [
        {
          path: 'spec.initContainers[0].securityContext.readOnlyRootFilesystem',
          line: 9,
          fix: [
            { op: 'test', path: '/spec/initContainers/0/securityContext/readOnlyRootFilesystem', value: false },
            { op: 'replace', path: '/spec/initContainers/0/securityContext/readOnlyRootFilesystem', value: true },
          ],
        },
        {
          path: 'spec.containers[0].securityContext.readOnlyRootFilesystem',
          line: 14,
          fix: [
            { op: 'test', path: '/spec/containers/0/securityContext/readOnlyRootFilesystem', value: 'true' },
            { op: 'replace', path: '/spec/containers/0/securityContext/readOnlyRootFilesystem', value: true },
          ],
        },
      ],
    },
  ],
});

it('PAL-K8S-0033 distinguishes explicit false', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: a, image: nginx:1.27, securityContext: { readOnlyRootFilesystem: false } }
    - { name: b, image: nginx:1.27 }
`);
  assert.deepEqual(fs.map((f) => f.message), [
    'Container "a" sets readOnlyRootFilesystem: false.',
    'Container "b" does not set readOnlyRootFilesystem: true, so its root filesystem is writable.',
  ]);
});
