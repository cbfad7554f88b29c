import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'ordinary Windows pod with a runAsUserName',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: iis }
spec:
  template:
    spec:
      os: { name: windows }
      securityContext:
        windowsOptions: { runAsUserName: ContainerUser }
      containers:
        - name: iis
          image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
          securityContext:
            windowsOptions: { hostProcess: false }
`,
    },
    {
      name: 'the string "true" is not a boolean',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext:
    windowsOptions: { hostProcess: "true" }
  containers: [{ name: app, image: example/app:1.0 }]
`,
    },
  ],
  invalid: [
    {
      name: 'pod-level and container-level',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  template:
    spec:
      os: { name: windows }
      hostNetwork: true
      securityContext:
        windowsOptions:
          hostProcess: true
      initContainers:
        - name: setup
          image: example/setup:1.0
          securityContext:
            windowsOptions: { hostProcess: true }
      containers:
        - name: agent
          image: example/agent:1.0
`,
      errors: [
        { path: 'spec.template.spec.securityContext.windowsOptions.hostProcess', line: 11, messageId: 'pod' },
        { path: 'spec.template.spec.initContainers[0].securityContext.windowsOptions.hostProcess', line: 16, messageId: 'container' },
      ],
    },
    {
      name: 'CronJob container only',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          hostNetwork: true
          containers:
            - name: collect
              image: example/collect:1.0
              securityContext:
                windowsOptions:
                  hostProcess: true
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.windowsOptions.hostProcess', line: 17, messageId: 'container' }],
    },
  ],
});

it('PAL-K8S-0017 fix: JSON Patch from the object root', () => {
  const fixes = runCheckOn(
    check,
    `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - { name: a, image: mcr.microsoft.com/windows/nanoserver:ltsc2022, securityContext: { windowsOptions: { hostProcess: true } } }
`,
  ).map((f) => f.fix?.patch ?? null);
  assert.deepEqual(fixes, [
    [
      { op: 'test', path: '/spec/containers/0/securityContext/windowsOptions/hostProcess', value: true },
      { op: 'replace', path: '/spec/containers/0/securityContext/windowsOptions/hostProcess', value: false },
    ],
  ]);
});
