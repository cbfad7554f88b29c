import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'pod-level RuntimeDefault inherited by init and app containers',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        seccompProfile: { type: RuntimeDefault }
      initContainers: [{ name: init, image: busybox:1.36 }]
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'every container sets its own profile (Localhost and RuntimeDefault)',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: a
      image: nginx:1.27
      securityContext:
        seccompProfile: { type: Localhost, localhostProfile: profiles/app.json }
    - name: b
      image: nginx:1.27
      securityContext:
        seccompProfile: { type: RuntimeDefault }
`,
    },
    {
      name: 'legacy annotations on the pod template',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: docker/default
        container.seccomp.security.alpha.kubernetes.io/sidecar: localhost/sidecar.json
    spec:
      containers:
        - { name: db, image: postgres:16 }
        - { name: sidecar, image: example/sidecar:1.0 }
`,
    },
    {
      name: 'Unconfined is left to seccomp-unconfined',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    seccompProfile: { type: Unconfined }
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'Windows pods are exempt',
      code: `apiVersion: v1
kind: Pod
metadata: { name: win }
spec:
  os: { name: windows }
  containers: [{ name: app, image: mcr.microsoft.com/windows/servercore:ltsc2022 }]
`,
    },
  ],
  invalid: [
    {
      name: 'pod profile only on one container; the other inherits nothing',
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
          securityContext:
            seccompProfile: { type: RuntimeDefault }
        - name: sidecar
          image: example/sidecar:1.0
          securityContext:
            readOnlyRootFilesystem: true
`,
      errors: [
        { path: 'spec.template.spec.initContainers[0].securityContext.seccompProfile', line: 10, messageId: 'missing' },
        { path: 'spec.template.spec.containers[1].securityContext.seccompProfile', line: 19, messageId: 'missing' },
      ],
    },
    {
      name: 'CronJob without any profile, and an unknown annotation value',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            container.seccomp.security.alpha.kubernetes.io/worker: custom
        spec:
          restartPolicy: Never
          containers:
            - name: main
              image: busybox:1.36
            - name: worker
              image: busybox:1.36
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.seccompProfile', line: 15, messageId: 'missing' },
        {
          path: 'spec.jobTemplate.spec.template.metadata.annotations["container.seccomp.security.alpha.kubernetes.io/worker"]',
          line: 11,
          messageId: 'invalid',
        },
      ],
    },
  ],
});

it('PAL-K8S-0010 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - { name: a, image: nginx:1.27 }
    - { name: b, image: nginx:1.27 }
    - { name: c, image: nginx:1.27, securityContext: { seccompProfile: { type: runtime/default } } }
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [
    // One pod-level profile settles every container without one (the same patch for both findings).
    [{ op: 'add', path: '/spec/securityContext/seccompProfile', value: { type: 'RuntimeDefault' } }],
    [{ op: 'add', path: '/spec/securityContext/seccompProfile', value: { type: 'RuntimeDefault' } }],
    // A misspelt type on the container is replaced where it is.
    [
      { op: 'test', path: '/spec/containers/2/securityContext/seccompProfile/type', value: 'runtime/default' },
      { op: 'replace', path: '/spec/containers/2/securityContext/seccompProfile/type', value: 'RuntimeDefault' },
    ],
  ]);
});
