import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'no service account at all',
      code: `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: j, image: busybox:1.36 }]
`,
    },
    {
      name: 'empty deprecated field',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  serviceAccount: ""
  serviceAccountName: web
  containers: [{ name: c, image: busybox:1.36 }]
`,
    },
  ],
  invalid: [
    {
      name: 'CronJob with only the deprecated field',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: c }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccount: reporter
          restartPolicy: Never
          containers: [{ name: c, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.serviceAccount', line: 10, messageId: 'deprecated' }],
    },
    {
      name: 'fields disagree',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  serviceAccountName: web
  serviceAccount: admin
  containers: [{ name: c, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.serviceAccount', line: 6, messageId: 'mismatch' }],
    },
  ],
});

it('PAL-K8S-0062 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata: { name: a }
spec:
  serviceAccount: web
  containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: v1
kind: Pod
metadata: { name: b }
spec:
  serviceAccount: old
  serviceAccountName: web
  containers: [{ name: app, image: nginx:1.27 }]
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [
    // A rename (JSON Patch move): the API server copies serviceAccount into serviceAccountName anyway.
    [
      { op: 'test', path: '/spec/serviceAccount', value: 'web' },
      { op: 'move', from: '/spec/serviceAccount', path: '/spec/serviceAccountName' },
    ],
    // Ignored when serviceAccountName is set: removing it changes nothing.
    [
      { op: 'test', path: '/spec/serviceAccount', value: 'old' },
      { op: 'remove', path: '/spec/serviceAccount' },
    ],
  ]);
});
