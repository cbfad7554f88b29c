import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'unset, RuntimeDefault and Localhost fields',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        appArmorProfile: { type: RuntimeDefault }
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            appArmorProfile: { type: Localhost, localhostProfile: k8s-nginx }
        - name: sidecar
          image: example/sidecar:1.0
`,
    },
    {
      name: 'allowed annotations on a pod template; unrelated annotations ignored',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  annotations:
    container.apparmor.security.beta.kubernetes.io/agent: unconfined
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/agent: runtime/default
        container.apparmor.security.beta.kubernetes.io/helper: localhost/k8s-helper
        prometheus.io/scrape: "true"
    spec:
      containers:
        - { name: agent, image: example/agent:1.0 }
        - { name: helper, image: example/helper:1.0 }
`,
    },
  ],
  invalid: [
    {
      name: 'pod field, container field and annotation, in that order',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/debug: unconfined
spec:
  securityContext:
    appArmorProfile:
      type: Unconfined
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext:
        appArmorProfile: { type: Unconfined }
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        appArmorProfile: { type: RuntimeDefault }
    - name: debug
      image: busybox:1.36
`,
      errors: [
        { path: 'spec.securityContext.appArmorProfile.type', line: 10, messageId: 'pod' },
        { path: 'spec.initContainers[0].securityContext.appArmorProfile.type', line: 15, messageId: 'container' },
        { path: 'metadata.annotations["container.apparmor.security.beta.kubernetes.io/debug"]', line: 6, messageId: 'annotation' },
      ],
    },
    {
      name: 'CronJob template annotation',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            container.apparmor.security.beta.kubernetes.io/main: unconfined
        spec:
          restartPolicy: Never
          containers: [{ name: main, image: busybox:1.36 }]
`,
      errors: [
        {
          path: 'spec.jobTemplate.spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/main"]',
          line: 11,
          messageId: 'annotation',
        },
      ],
    },
  ],
});

it('PAL-K8S-0012 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/b: unconfined
spec:
  securityContext:
    appArmorProfile: { type: Unconfined }
  containers:
    - { name: a, image: nginx:1.27, securityContext: { appArmorProfile: { type: Unconfined } } }
    - { name: b, image: nginx:1.27 }
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [
    [
      { op: 'test', path: '/spec/securityContext/appArmorProfile/type', value: 'Unconfined' },
      { op: 'replace', path: '/spec/securityContext/appArmorProfile/type', value: 'RuntimeDefault' },
    ],
    [
      { op: 'test', path: '/spec/containers/0/securityContext/appArmorProfile/type', value: 'Unconfined' },
      { op: 'replace', path: '/spec/containers/0/securityContext/appArmorProfile/type', value: 'RuntimeDefault' },
    ],
    [
      { op: 'test', path: '/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1b', value: 'unconfined' },
      { op: 'replace', path: '/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1b', value: 'runtime/default' },
    ],
  ]);
});
