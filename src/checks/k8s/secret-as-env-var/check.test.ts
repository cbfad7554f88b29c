import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'ConfigMap and field references only',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: example/app:1.0
      env:
        - name: POD_NAME
          valueFrom:
            fieldRef: { fieldPath: metadata.name }
        - name: MODE
          valueFrom:
            configMapKeyRef: { name: cfg, key: mode }
      envFrom:
        - configMapRef: { name: cfg }
`,
    },
    {
      name: 'secret volume',
      code: `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: j
          image: busybox:1.36
          volumeMounts: [{ name: s, mountPath: /s }]
      volumes:
        - name: s
          secret: { secretName: creds }
`,
    },
  ],
  invalid: [
    {
      name: 'init container envFrom and CronJob env, each reported',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: backup }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
            - name: fetch
              image: example/fetch:1.0
              envFrom:
                - configMapRef: { name: cfg }
                - secretRef: { name: s3-credentials }
          containers:
            - name: backup
              image: example/backup:1.0
              env:
                - name: AWS_ACCESS_KEY_ID
                  valueFrom:
                    secretKeyRef: { name: s3-credentials, key: id }
                - name: AWS_SECRET_ACCESS_KEY
                  valueFrom:
                    secretKeyRef: { name: s3-credentials, key: secret }
`,
      errors: [
        { path: 'spec.jobTemplate.spec.template.spec.initContainers[0].envFrom[1].secretRef', line: 16, messageId: 'envFrom' },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef', line: 23, messageId: 'env' },
        { path: 'spec.jobTemplate.spec.template.spec.containers[0].env[1].valueFrom.secretKeyRef', line: 26, messageId: 'env' },
      ],
    },
    {
      name: 'optional secret ref in a Pod',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: example/app:1.0
      env:
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              name: api
              key: token
              optional: true
`,
      errors: [{ path: 'spec.containers[0].env[0].valueFrom.secretKeyRef', line: 11, messageId: 'env' }],
    },
  ],
});
