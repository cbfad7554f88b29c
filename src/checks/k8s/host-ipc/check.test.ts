import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'hostIPC explicitly false',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      hostIPC: false
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'string "true" is not a boolean and is rejected by the API server',
      code: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  hostIPC: "true"
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'not a pod-bearing kind',
      code: `apiVersion: v1
kind: ConfigMap
metadata: { name: cfg }
data:
  hostIPC: "true"
`,
    },
  ],
  invalid: [
    {
      name: 'DaemonSet sharing host IPC',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      hostIPC: true
      containers: [{ name: agent, image: example/agent:1.0 }]
`,
      errors: [{ path: 'spec.template.spec.hostIPC', line: 9, resource: 'agent' }],
    },
    {
      name: 'CronJob nesting and List items',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: CronJob
    metadata: { name: job }
    spec:
      schedule: "0 * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              hostIPC: true
              restartPolicy: OnFailure
              containers: [{ name: job, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.hostIPC', line: 13, resource: 'job' }],
    },
  ],
});

it('PAL-K8S-0004 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  hostIPC: true
  containers: [{ name: app, image: nginx:1.27 }]
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [[{ op: 'test', path: '/spec/hostIPC', value: true }, { op: 'replace', path: '/spec/hostIPC', value: false }]]);
});
