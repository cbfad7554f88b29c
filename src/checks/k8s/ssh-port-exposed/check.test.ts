import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'other ports and UDP 22',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
        - name: app
          image: example/app:1.0
          ports:
            - containerPort: 2222
            - containerPort: 22
              protocol: UDP
            - containerPort: 8022
`,
    },
    {
      name: 'a Service with port 22 is out of scope',
      code: `apiVersion: v1
kind: Service
metadata: { name: git }
spec:
  ports: [{ port: 22, targetPort: 2222 }]
`,
    },
  ],
  invalid: [
    {
      name: 'implicit and explicit TCP, init and app containers',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: init
      image: example/init:1.0
      ports: [{ containerPort: 22, protocol: TCP }]
  containers:
    - name: app
      image: example/app:1.0
      ports:
        - name: http
          containerPort: 8080
        - name: ssh
          containerPort: 22
`,
      errors: [
        { path: 'spec.initContainers[0].ports[0].containerPort', line: 8 },
        { path: 'spec.containers[0].ports[1].containerPort', line: 16 },
      ],
    },
    {
      name: 'StatefulSet SFTP server',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: sftp }
spec:
  template:
    spec:
      containers:
        - name: sftp
          image: atmoz/sftp:alpine
          ports: [{ name: ssh, containerPort: 22 }]
`,
      errors: [{ path: 'spec.template.spec.containers[0].ports[0].containerPort', line: 10 }],
    },
  ],
});
