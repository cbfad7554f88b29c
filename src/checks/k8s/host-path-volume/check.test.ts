import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'only core volume types',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
      volumes:
        - name: cache
          emptyDir: {}
        - name: config
          configMap: { name: web-config }
        - name: data
          persistentVolumeClaim: { claimName: web-data }
`,
    },
    {
      name: 'hostPath: null is no source',
      code: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
  volumes:
    - name: tmp
      hostPath: null
      emptyDir: {}
`,
    },
  ],
  invalid: [
    {
      name: 'every hostPath volume is reported, in order',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: agent
          image: example/agent:1.0
          volumeMounts:
            - { name: logs, mountPath: /var/log, readOnly: true }
            - { name: data, mountPath: /data }
      volumes:
        - name: logs
          hostPath:
            path: /var/log
        - name: scratch
          emptyDir: {}
        - name: data
          hostPath: { path: /srv/agent, type: DirectoryOrCreate }
`,
      errors: [
        { path: 'spec.template.spec.volumes[0].hostPath', line: 17 },
        { path: 'spec.template.spec.volumes[2].hostPath', line: 22 },
      ],
    },
    {
      name: 'CronJob with an unmounted hostPath volume (PSS forbids the volume itself)',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: cleanup }
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: cleanup, image: busybox:1.36 }]
          volumes:
            - name: host
              hostPath: { path: /tmp }
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.volumes[0].hostPath', line: 14 }],
    },
  ],
});
