import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'privileged unset',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'init container privileged in a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: setup
              image: busybox:1.36
              securityContext:
                privileged: true
          containers: [{ name: app, image: nginx:1.27 }]
`,
      errors: [
        {
          path: 'spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.privileged',
          line: 14,
          fix: [
            { op: 'test', path: '/spec/jobTemplate/spec/template/spec/initContainers/0/securityContext/privileged', value: true },
            { op: 'replace', path: '/spec/jobTemplate/spec/template/spec/initContainers/0/securityContext/privileged', value: false },
          ],
        },
      ],
    },
  ],
});
