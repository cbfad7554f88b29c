import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'SYS_ADMIN only dropped, other capabilities added',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            capabilities:
              drop: ["SYS_ADMIN"]
              add: ["NET_ADMIN", "SYS_ADMINISTRATOR"]
`,
    },
    {
      name: 'no securityContext',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'CAP_SYS_ADMIN in an init container and ALL in a container of a StatefulSet',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  template:
    spec:
      initContainers:
        - name: mount
          image: busybox:1.36
          securityContext:
            capabilities:
              add: ["cap_sys_admin"]
      containers:
        - name: db
          image: postgres:16
          securityContext:
            capabilities:
              add:
                - CHOWN
                - ALL
`,
      errors: [
        { path: 'spec.template.spec.initContainers[0].securityContext.capabilities.add[0]', line: 12 },
        { path: 'spec.template.spec.containers[0].securityContext.capabilities.add[1]', line: 20 },
      ],
    },
    {
      name: 'SYS_ADMIN in a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: backup }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: backup
              image: example/backup:3.0
              securityContext:
                capabilities: { add: [SYS_ADMIN] }
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[0]', line: 14 }],
    },
  ],
});

it('PAL-K8S-0024 names ALL separately', () => {
  const fs = runCheckOn(check, `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { capabilities: { add: [all] } }
`);
  assert.deepEqual(fs.map((f) => f.message), ['Container "app" adds ALL capabilities, including CAP_SYS_ADMIN.']);
});
