import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'application data paths and look-alike prefixes',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
      volumes:
        - { name: a, hostPath: { path: /var/lib/mysql } }
        - { name: b, hostPath: { path: /etcd-backup } }
        - { name: c, hostPath: { path: /mnt/etc } }
        - { name: d, hostPath: { path: /srv/usr } }
        - { name: e, hostPath: { path: relative/etc } }
`,
    },
    {
      name: '/var/log mounted read-only by every container',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: logs }
spec:
  template:
    spec:
      initContainers:
        - name: check
          image: busybox:1.36
          volumeMounts: [{ name: varlog, mountPath: /var/log, readOnly: true }]
      containers:
        - name: shipper
          image: fluent/fluent-bit:3.1
          volumeMounts: [{ name: varlog, mountPath: /var/log, readOnly: true }]
      volumes:
        - name: varlog
          hostPath: { path: /var/log/ }
`,
    },
  ],
  invalid: [
    {
      name: 'normalised paths: trailing slash, subpath, dot segments, parents',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
  volumes:
    - name: kube
      hostPath: { path: /etc/kubernetes/ }
    - name: proc
      hostPath:
        path: //proc/./1/..
    - name: root
      hostPath: { path: / }
    - name: var
      hostPath: { path: /var }
    - name: kubelet
      hostPath: { path: /var/lib/kubelet/pods }
    - name: fine
      hostPath: { path: /srv/data }
`,
      errors: [
        { path: 'spec.volumes[0].hostPath.path', line: 8, messageId: 'sensitive' },
        { path: 'spec.volumes[1].hostPath.path', line: 11, messageId: 'sensitive' },
        { path: 'spec.volumes[2].hostPath.path', line: 13, messageId: 'contains' },
        { path: 'spec.volumes[3].hostPath.path', line: 15, messageId: 'contains' },
        { path: 'spec.volumes[4].hostPath.path', line: 17, messageId: 'sensitive' },
      ],
    },
    {
      name: '/var/log mounted writable by one container of a CronJob',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: rotate }
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: reader
              image: busybox:1.36
              volumeMounts: [{ name: logs, mountPath: /logs, readOnly: true }]
            - name: rotator
              image: busybox:1.36
              volumeMounts: [{ name: logs, mountPath: /logs }]
          volumes:
            - name: logs
              hostPath: { path: /var/log/pods }
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.volumes[0].hostPath.path', line: 20, messageId: 'varLog' }],
    },
  ],
});
