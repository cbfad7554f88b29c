import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'lower-case all in every container kind',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          securityContext: { capabilities: { drop: [all] } }
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            capabilities:
              drop: ["ALL"]
              add: ["cap_net_bind_service"]
`,
    },
    {
      name: 'Windows pods are exempt',
      code: `apiVersion: v1
kind: Pod
metadata: { name: win }
spec:
  os: { name: windows }
  containers:
    - name: iis
      image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
`,
    },
  ],
  invalid: [
    {
      name: 'missing securityContext, and a partial drop list',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop:
            - NET_RAW
            - MKNOD
`,
      errors: [
        {
          path: 'spec.initContainers[0].securityContext.capabilities.drop',
          line: 6,
          fix: [{ op: 'add', path: '/spec/initContainers/0/securityContext', value: { capabilities: { drop: ['ALL'] } } }],
        },
        // An existing drop list keeps its entries: ALL is appended.
        { path: 'spec.containers[0].securityContext.capabilities.drop', line: 13, fix: [{ op: 'add', path: '/spec/containers/0/securityContext/capabilities/drop/-', value: 'ALL' }] },
      ],
    },
    {
      name: 'drops ALL but adds back more than NET_BIND_SERVICE, in a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: example/job:1.0
              securityContext:
                capabilities:
                  drop: ["ALL"]
                  add: ["NET_BIND_SERVICE", "CHOWN", "SETUID"]
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[1]', line: 16, fix: null },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[2]', line: 16 },
      ],
    },
  ],
});

it('PAL-K8S-0025 reports a missing drop and a disallowed add with their own messages', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { capabilities: { add: [NET_ADMIN] } }
`);
  assert.deepEqual(
    fs.map((f) => f.message),
    [
      'Container "app" does not drop ALL capabilities.',
      'Container "app" adds capability NET_ADMIN; the restricted level allows adding only NET_BIND_SERVICE.',
    ],
  );
});
