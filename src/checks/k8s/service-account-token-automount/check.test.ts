import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'CronJob opting out',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: c }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          automountServiceAccountToken: false
          restartPolicy: Never
          containers: [{ name: c, image: busybox:1.36 }]
`,
    },
    {
      name: 'default ServiceAccount in the scan opts out',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: default }
automountServiceAccountToken: false
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: c, image: busybox:1.36 }]
`,
    },
  ],
  invalid: [
    {
      name: 'unset, with a ServiceAccount that leaves the default',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: web }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      serviceAccountName: web
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.template.spec.automountServiceAccountToken', line: 12, messageId: 'unset' }],
    },
    {
      name: 'ServiceAccount explicitly mounts, pod silent',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: op, namespace: ops }
automountServiceAccountToken: true
---
apiVersion: v1
kind: Pod
metadata: { name: op, namespace: ops }
spec:
  serviceAccountName: op
  containers: [{ name: op, image: example/op:1.0 }]
`,
      errors: [{ path: 'spec.automountServiceAccountToken', line: 9, messageId: 'saTrue' }],
    },
    {
      name: 'pod sets true',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  automountServiceAccountToken: true
  containers: [{ name: c, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.automountServiceAccountToken', line: 5, messageId: 'podTrue' }],
    },
  ],
});
