import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'no ServiceAccount in the scan namespace (created elsewhere): not reported',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      serviceAccountName: web-irsa
      containers: [{ name: web, image: nginx:1.27 }]
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: web-irsa, namespace: other }
`,
    },
    {
      name: 'default account, unset account, and unset vs default namespace',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: worker, namespace: default }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: worker }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccountName: worker
          restartPolicy: Never
          containers: [{ name: w, image: example/worker:1.0 }]
---
apiVersion: v1
kind: Pod
metadata: { name: debug }
spec:
  serviceAccountName: default
  containers: [{ name: sh, image: busybox:1.36 }]
---
apiVersion: v1
kind: Pod
metadata: { name: plain }
spec:
  containers: [{ name: sh, image: busybox:1.36 }]
`,
    },
    {
      name: 'unrendered placeholders are not judged',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: web }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: tfserve }
spec:
  template:
    spec:
      serviceAccountName: $K8S_SA_NAME
      containers: [{ name: tf, image: tensorflow/serving:2.16.1 }]
---
apiVersion: batch/v1
kind: Job
metadata: { name: download }
spec:
  template:
    spec:
      serviceAccountName: <KSA_NAME>
      restartPolicy: Never
      containers: [{ name: dl, image: example/dl:1.0 }]
`,
    },
  ],
  invalid: [
    {
      name: 'typo in serviceAccountName of a StatefulSet',
      code: `apiVersion: v1
kind: ServiceAccount
metadata: { name: postgres, namespace: data }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: postgres, namespace: data }
spec:
  template:
    spec:
      serviceAccountName: postgress
      containers: [{ name: pg, image: postgres:16 }]
`,
      errors: [{ path: 'spec.template.spec.serviceAccountName', line: 11, resource: 'postgres' }],
    },
    {
      name: 'deprecated serviceAccount field, in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ServiceAccount
    metadata: { name: api }
  - apiVersion: v1
    kind: Pod
    metadata: { name: legacy }
    spec:
      serviceAccount: legacy-sa
      containers: [{ name: app, image: example/app:1.0 }]
`,
      errors: [{ path: 'spec.serviceAccount', line: 11, resource: 'legacy' }],
    },
  ],
});
