import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'TTL 0 and CronJob-managed jobs',
      code: `apiVersion: batch/v1
kind: Job
metadata: { name: immediate }
spec:
  ttlSecondsAfterFinished: 0
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: task, image: busybox:1.36 }]
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: task, image: busybox:1.36 }]
`,
    },
    {
      name: 'owned Job and Helm hook with a delete policy',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: nightly-28391
  ownerReferences:
    - { apiVersion: batch/v1, kind: CronJob, name: nightly, uid: 0b6c2f1e-1111-2222-3333-444455556666, controller: true }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: task, image: busybox:1.36 }]
---
apiVersion: batch/v1
kind: Job
metadata:
  name: pre-upgrade
  annotations:
    helm.sh/hook: pre-upgrade
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: migrate, image: example/migrate:1.0 }]
`,
    },
  ],
  invalid: [
    {
      name: 'no TTL (located at spec)',
      code: `apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: migrate, image: example/migrate:1.0 }]
`,
      errors: [{ path: 'spec.ttlSecondsAfterFinished', line: 4 }],
    },
    {
      name: 'null TTL; a Helm hook without delete policy still counts',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: hook
  annotations: { helm.sh/hook: post-install }
spec:
  ttlSecondsAfterFinished: null
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: task, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.ttlSecondsAfterFinished', line: 7 }],
    },
  ],
});
