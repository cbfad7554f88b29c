import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'unprivileged ports, including 1024; a privileged hostPort is host-port\'s business',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports:
            - containerPort: 1024
            - containerPort: 8080
              hostPort: 80
`,
    },
    {
      name: 'a Service port below 1024 is fine',
      code: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  ports: [{ port: 80, targetPort: 8080 }]
`,
    },
  ],
  invalid: [
    {
      name: 'each privileged port of init and app containers',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      ports: [{ containerPort: 21 }]
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 80
        - containerPort: 8443
        - name: https
          containerPort: 443
`,
      errors: [
        { path: 'spec.initContainers[0].ports[0].containerPort', line: 8 },
        { path: 'spec.containers[0].ports[0].containerPort', line: 13 },
        { path: 'spec.containers[0].ports[2].containerPort', line: 16 },
      ],
    },
    {
      name: 'CronJob',
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
          containers:
            - name: dns
              image: example/dns:1.0
              ports: [{ containerPort: 53, protocol: UDP }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.containers[0].ports[0].containerPort', line: 14 }],
    },
  ],
});
