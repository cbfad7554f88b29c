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
    {
      name: 'every container kind sets false',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          securityContext: { allowPrivilegeEscalation: false }
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: { add: [NET_ADMIN] }
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
      name: 'unset on the container even though the pod securityContext is hardened',
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
            runAsNonRoot: true
          containers:
            - name: job
              image: example/job:1.0
`,
      errors: [
        {
          path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
          line: 13,
          // No securityContext on the container: JSON Patch cannot add into a missing parent, so the whole object is added.
          fix: [{ op: 'add', path: '/spec/jobTemplate/spec/template/spec/containers/0/securityContext', value: { allowPrivilegeEscalation: false } }],
        },
      ],
    },
    {
      name: 'explicit true, a string "false", and false with privileged',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext:
        allowPrivilegeEscalation: true
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: "false"
    - name: priv
      image: example/agent:1.0
      securityContext:
        privileged: true
        allowPrivilegeEscalation: false
`,
      errors: [
        {
          path: 'spec.initContainers[0].securityContext.allowPrivilegeEscalation',
          line: 9,
          fix: [
            { op: 'test', path: '/spec/initContainers/0/securityContext/allowPrivilegeEscalation', value: true },
            { op: 'replace', path: '/spec/initContainers/0/securityContext/allowPrivilegeEscalation', value: false },
          ],
        },
        {
          path: 'spec.containers[0].securityContext.allowPrivilegeEscalation',
          line: 14,
          fix: [
            { op: 'test', path: '/spec/containers/0/securityContext/allowPrivilegeEscalation', value: 'false' },
            { op: 'replace', path: '/spec/containers/0/securityContext/allowPrivilegeEscalation', value: false },
          ],
        },
        // Already false: privileged is what has to go, and that is privileged-container's fix.
        { path: 'spec.containers[1].securityContext.allowPrivilegeEscalation', line: 19, fix: null },
      ],
    },
    {
      name: 'no fix next to privileged: true or SYS_ADMIN (the API server would reject false)',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: priv
      image: example/agent:1.0
      securityContext: { privileged: true }
    - name: admin
      image: example/agent:1.0
      securityContext: { capabilities: { add: [SYS_ADMIN] } }
`,
      errors: [
        { path: 'spec.containers[0].securityContext.allowPrivilegeEscalation', fix: null },
        { path: 'spec.containers[1].securityContext.allowPrivilegeEscalation', fix: null },
      ],
    },
  ],
});

it('PAL-K8S-0027 says why escalation is still possible', () => {
  const messages = (sc: string): string[] => runCheckOn(check, pod(sc)).map((f) => f.message);
  assert.deepEqual(messages('{ allowPrivilegeEscalation: false, capabilities: { add: [CAP_SYS_ADMIN] } }'), [
    'Container "app" sets allowPrivilegeEscalation: false but adds CAP_SYS_ADMIN, which always allows privilege escalation (the API server rejects this combination).',
  ]);
  assert.deepEqual(messages('{ allowPrivilegeEscalation: true }'), ['Container "app" sets allowPrivilegeEscalation: true.']);
  assert.deepEqual(messages('{}'), ['Container "app" does not set allowPrivilegeEscalation: false (it defaults to true).']);
});
