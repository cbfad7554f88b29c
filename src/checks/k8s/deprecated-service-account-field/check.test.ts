import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'no service account at all',
      code: `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: j, image: busybox:1.36 }]
`,
    },
    {
      name: 'empty deprecated field',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  serviceAccount: ""
  serviceAccountName: web
  containers: [{ name: c, image: busybox:1.36 }]
`,
    },
  ],
  invalid: [
    {
      name: 'CronJob with only the deprecated field',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: c }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccount: reporter
          restartPolicy: Never
          containers: [{ name: c, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.serviceAccount', line: 10, messageId: 'deprecated' }],
    },
    {
      name: 'fields disagree',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  serviceAccountName: web
  serviceAccount: admin
  containers: [{ name: c, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.serviceAccount', line: 6, messageId: 'mismatch' }],
    },
  ],
});
