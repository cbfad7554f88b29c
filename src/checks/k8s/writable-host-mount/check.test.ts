import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'every hostPath mount is read-only; other volumes may be writable',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          volumeMounts: [{ name: host, mountPath: /host, readOnly: true }]
      containers:
        - name: agent
          image: example/agent:1.0
          volumeMounts:
            - { name: host, mountPath: /host, readOnly: true }
            - { name: scratch, mountPath: /tmp }
      volumes:
        - { name: host, hostPath: { path: /srv/data } }
        - { name: scratch, emptyDir: {} }
`,
    },
    {
      name: 'hostPath volume that no container mounts',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
  volumes:
    - { name: host, hostPath: { path: /srv/data } }
`,
    },
  ],
  invalid: [
    {
      name: 'missing readOnly, readOnly false and the string "true" are all writable',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      initContainers:
        - name: prepare
          image: busybox:1.36
          volumeMounts:
            - name: host
              mountPath: /host
      containers:
        - name: app
          image: nginx:1.27
          volumeMounts:
            - name: host
              mountPath: /host
              readOnly: false
            - name: host
              mountPath: /again
              readOnly: "true"
      volumes:
        - name: host
          hostPath: { path: /srv/web }
`,
      errors: [
        { path: 'spec.template.spec.initContainers[0].volumeMounts[0].readOnly', line: 11 },
        { path: 'spec.template.spec.containers[0].volumeMounts[0].readOnly', line: 19 },
        { path: 'spec.template.spec.containers[0].volumeMounts[1].readOnly', line: 22 },
      ],
    },
    {
      name: 'CronJob container',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: backup }
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: example/backup:1.0
              volumeMounts: [{ name: out, mountPath: /backup }]
          volumes:
            - { name: out, hostPath: { path: /mnt/backup } }
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].volumeMounts[0].readOnly', line: 14 }],
    },
  ],
});
