import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

const pod = (sc: string): string => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: ${sc}
`;

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'drops NET_RAW alone', code: pod('{ capabilities: { drop: [NET_RAW] } }') },
    { name: 'drops lower-case all', code: pod('{ capabilities: { drop: [all] } }') },
    { name: 'adds ALL but drops CAP_NET_RAW (drops apply last)', code: pod('{ capabilities: { add: [ALL], drop: [CAP_NET_RAW] } }') },
    {
      name: 'Windows pod',
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
      name: 'nothing dropped in a Deployment, init and app containers',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          securityContext:
            runAsNonRoot: true
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            capabilities:
              drop: ["MKNOD"]
`,
      errors: [
        { path: 'spec.template.spec.initContainers[0].securityContext.capabilities.drop', line: 10 },
        { path: 'spec.template.spec.containers[0].securityContext.capabilities.drop', line: 17 },
      ],
    },
    {
      name: 'drop ALL then add NET_RAW back, in a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: probe }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: pinger
              image: example/pinger:1.0
              securityContext:
                capabilities:
                  drop: ["ALL"]
                  add:
                    - NET_RAW
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[0]', line: 17 }],
    },
    {
      name: 'adds ALL without dropping',
      code: pod('{ capabilities: { add: [SYS_TIME, ALL] } }'),
      errors: [{ path: 'spec.containers[0].securityContext.capabilities.add[1]', line: 8 }],
    },
  ],
});

it('PAL-K8S-0026 explains which rule granted NET_RAW', () => {
  const messages = (sc: string): string[] => runCheckOn(check, pod(sc)).map((f) => f.message);
  assert.deepEqual(messages('{ capabilities: { add: [ALL] } }'), ['Container "app" adds ALL capabilities, which include NET_RAW.']);
  assert.deepEqual(messages('{ capabilities: { add: [net_raw] } }'), ['Container "app" adds capability net_raw.']);
  assert.deepEqual(messages('{ runAsNonRoot: true }'), ['Container "app" does not drop NET_RAW (drop ALL or NET_RAW); the runtime grants it by default.']);
  assert.deepEqual(messages('{ capabilities: { add: [ALL], drop: [ALL] } }'), []);
});

it('PAL-K8S-0026 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: a, image: nginx:1.27, securityContext: { capabilities: { drop: [MKNOD] } } }
    - { name: b, image: nginx:1.27, securityContext: { capabilities: { add: [NET_RAW] } } }
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [
    [{ op: 'add', path: '/spec/containers/0/securityContext/capabilities/drop/-', value: 'NET_RAW' }],
    // Added on purpose: removing it is the owner's decision.
    null,
  ]);
});
