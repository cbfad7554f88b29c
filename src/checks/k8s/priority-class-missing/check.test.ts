import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'Deployment with a priority class',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      priorityClassName: high
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'CronJob with a priority class',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          priorityClassName: batch-low
          restartPolicy: OnFailure
          containers: [{ name: report, image: example/report:1.0 }]
`,
    },
  ],
  invalid: [
    {
      name: 'empty string counts as unset',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      priorityClassName: ""
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.template.spec.priorityClassName', line: 9 }],
    },
    {
      name: 'CronJob without one (located at the pod spec)',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: report, image: example/report:1.0 }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.priorityClassName', line: 9 }],
    },
  ],
});
