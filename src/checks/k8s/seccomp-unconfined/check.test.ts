import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'no profile at all is seccomp-profile-missing, not this check',
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
      name: 'annotation overridden by the field at the same level',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
    container.seccomp.security.alpha.kubernetes.io/app: unconfined
spec:
  securityContext:
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seccompProfile: { type: Localhost, localhostProfile: app.json }
`,
    },
  ],
  invalid: [
    {
      name: 'pod-level Unconfined is reported even when containers override it; container-level too',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        seccompProfile:
          type: Unconfined
      initContainers:
        - name: init
          image: busybox:1.36
          securityContext:
            seccompProfile: { type: RuntimeDefault }
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            seccompProfile:
              type: Unconfined
`,
      errors: [
        { path: 'spec.template.spec.securityContext.seccompProfile.type', line: 9, messageId: 'pod' },
        { path: 'spec.template.spec.containers[0].securityContext.seccompProfile.type', line: 20, messageId: 'container' },
      ],
    },
    {
      name: 'legacy annotations on a CronJob pod template',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: unconfined
            container.seccomp.security.alpha.kubernetes.io/main: unconfined
        spec:
          restartPolicy: Never
          containers: [{ name: main, image: busybox:1.36 }]
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"]', line: 11, messageId: 'pod' },
        {
          path: 'spec.jobTemplate.spec.template.metadata.annotations["container.seccomp.security.alpha.kubernetes.io/main"]',
          line: 12,
          messageId: 'container',
        },
      ],
    },
  ],
});

it('PAL-K8S-0011 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.seccomp.security.alpha.kubernetes.io/b: unconfined
spec:
  securityContext:
    seccompProfile: { type: Unconfined }
  containers:
    - { name: a, image: nginx:1.27, securityContext: { seccompProfile: { type: Localhost, localhostProfile: x.json } } }
    - { name: b, image: nginx:1.27 }
    - name: c
      image: nginx:1.27
      securityContext:
        seccompProfile: { type: Unconfined, localhostProfile: stale.json }
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [
    [
      { op: 'test', path: '/spec/securityContext/seccompProfile/type', value: 'Unconfined' },
      { op: 'replace', path: '/spec/securityContext/seccompProfile/type', value: 'RuntimeDefault' },
    ],
    [
      { op: 'test', path: '/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1b', value: 'unconfined' },
      { op: 'replace', path: '/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1b', value: 'runtime/default' },
    ],
    // localhostProfile is only valid with type Localhost: the whole profile is replaced.
    [
      { op: 'test', path: '/spec/containers/2/securityContext/seccompProfile', value: { type: 'Unconfined', localhostProfile: 'stale.json' } },
      { op: 'replace', path: '/spec/containers/2/securityContext/seccompProfile', value: { type: 'RuntimeDefault' } },
    ],
  ]);
});
