import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'unset and Default',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext: { procMount: Default }
        - name: sidecar
          image: example/sidecar:1.0
`,
    },
    {
      name: 'procMount at pod level is not a pod field and is ignored by Kubernetes',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { procMount: Unmasked }
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'init and ephemeral containers',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  hostUsers: false
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext:
        procMount: Unmasked
  containers: [{ name: app, image: nginx:1.27 }]
  ephemeralContainers:
    - name: debugger
      image: busybox:1.36
      securityContext: { procMount: Unmasked }
`,
      errors: [
        { path: 'spec.initContainers[0].securityContext.procMount', line: 10 },
        { path: 'spec.ephemeralContainers[0].securityContext.procMount', line: 15 },
      ],
    },
    {
      name: 'CronJob container',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          hostUsers: false
          restartPolicy: Never
          containers:
            - name: builder
              image: example/nested-builder:1.0
              securityContext: { procMount: Unmasked }
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.procMount', line: 15 }],
    },
  ],
});

it('PAL-K8S-0014 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: a, image: nginx:1.27, securityContext: { procMount: Unmasked } }
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [
    [
      { op: 'test', path: '/spec/containers/0/securityContext/procMount', value: 'Unmasked' },
      { op: 'replace', path: '/spec/containers/0/securityContext/procMount', value: 'Default' },
    ],
  ]);
});
