import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'deprecated serviceAccount field naming a dedicated account',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  serviceAccount: worker
  containers: [{ name: c, image: busybox:1.36 }]
`,
    },
    {
      name: 'default account but token disabled on the pod',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      serviceAccountName: default
      automountServiceAccountToken: false
      containers: [{ name: agent, image: example/agent:1.0 }]
`,
    },
  ],
  invalid: [
    {
      name: 'CronJob without serviceAccountName',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: r, image: example/report:1.0 }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.serviceAccountName', line: 9, messageId: 'unset' }],
    },
    {
      name: 'deprecated field set to default, and the SA object re-enables the token',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: app }
automountServiceAccountToken: true
---
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: app }
spec:
  serviceAccount: default
  containers: [{ name: c, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.serviceAccount', line: 10, messageId: 'explicit' }],
    },
  ],
});
