import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'hostPort 0 and unset are allowed by PSS',
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
            - containerPort: 8080
            - containerPort: 9090
              hostPort: 0
`,
    },
    {
      name: 'a Service port is not a hostPort',
      code: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  ports: [{ port: 80, nodePort: 30080 }]
`,
    },
  ],
  invalid: [
    {
      name: 'init and app containers, each offending port',
      code: `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      ports: [{ containerPort: 53, hostPort: 53, protocol: UDP }]
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 80
          hostPort: 80
        - containerPort: 8080
        - containerPort: 443
          hostPort: 443
`,
      errors: [
        { path: 'spec.initContainers[0].ports[0].hostPort', line: 8 },
        { path: 'spec.containers[0].ports[0].hostPort', line: 14 },
        { path: 'spec.containers[0].ports[2].hostPort', line: 17 },
      ],
    },
    {
      name: 'DaemonSet ingress controller',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ingress }
spec:
  template:
    spec:
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.11.2
          ports:
            - { name: http, containerPort: 80, hostPort: 80 }
`,
      errors: [{ path: 'spec.template.spec.containers[0].ports[0].hostPort', line: 11 }],
    },
  ],
});
