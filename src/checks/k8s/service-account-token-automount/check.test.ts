import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'CronJob opting out',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: c }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          automountServiceAccountToken: false
          restartPolicy: Never
          containers: [{ name: c, image: busybox:1.36 }]
`,
    },
    {
      name: 'default ServiceAccount in the scan opts out',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: default }
automountServiceAccountToken: false
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: busybox:1.36 }]
`,
    },
  ],
  invalid: [
    {
      name: 'unset, with a ServiceAccount that leaves the default',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: web }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      serviceAccountName: web
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.template.spec.automountServiceAccountToken', line: 12, messageId: 'unset' }],
    },
    {
      name: 'ServiceAccount explicitly mounts, pod silent',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: op, namespace: ops }
automountServiceAccountToken: true
---
apiVersion: v1
kind: Pod
metadata: { name: op, namespace: ops }
spec:
  serviceAccountName: op
  containers: [{ name: op, image: example/op:1.0 }]
`,
      errors: [{ path: 'spec.automountServiceAccountToken', line: 9, messageId: 'saTrue' }],
    },
    {
      name: 'pod sets true',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  automountServiceAccountToken: true
  containers: [{ name: c, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.automountServiceAccountToken', line: 5, messageId: 'podTrue' }],
    },
  ],
});

it('PAL-K8S-0060 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: apps }
spec:
  template:
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: operator, namespace: apps }
spec:
  template:
    spec:
      serviceAccountName: operator
      containers: [{ name: app, image: example/operator:1.0 }]
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [
    // The default service account: the token is almost never needed.
    [{ op: 'add', path: '/spec/template/spec/automountServiceAccountToken', value: false }],
    // A service account of its own is there to call the API: no automatic fix.
    null,
  ]);
});
