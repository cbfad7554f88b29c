import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'all allowed types',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
      volumes:
        - { name: a, configMap: { name: cfg } }
        - { name: b, csi: { driver: secrets-store.csi.k8s.io, readOnly: true } }
        - { name: c, downwardAPI: { items: [{ path: labels, fieldRef: { fieldPath: metadata.labels } }] } }
        - { name: d, emptyDir: {} }
        - name: e
          ephemeral:
            volumeClaimTemplate:
              spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
        - { name: f, persistentVolumeClaim: { claimName: data } }
        - { name: g, projected: { sources: [{ serviceAccountToken: { path: token } }] } }
        - { name: h, secret: { secretName: tls } }
`,
    },
    {
      name: 'null sources are dropped by the API',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
  volumes:
    - name: a
      hostPath: null
      emptyDir: {}
`,
    },
  ],
  invalid: [
    {
      name: 'hostPath, nfs, gitRepo and a cloud disk',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
  volumes:
    - name: host
      hostPath: { path: /srv }
    - name: ok
      emptyDir: {}
    - name: share
      nfs:
        server: nfs.example.com
        path: /exports
    - name: repo
      gitRepo: { repository: "https://example.com/repo.git" }
    - name: disk
      awsElasticBlockStore: { volumeID: vol-123 }
`,
      errors: [
        { path: 'spec.volumes[0].hostPath', line: 8 },
        { path: 'spec.volumes[2].nfs', line: 12 },
        { path: 'spec.volumes[3].gitRepo', line: 16 },
        { path: 'spec.volumes[4].awsElasticBlockStore', line: 18 },
      ],
    },
    {
      name: 'CronJob with a flexVolume',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: job }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: main, image: busybox:1.36 }]
          volumes:
            - name: legacy
              flexVolume: { driver: example.com/lvm }
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.volumes[0].flexVolume', line: 14 }],
    },
  ],
});
