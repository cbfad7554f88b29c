import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'named port in a sidecar init container; numeric port as a string',
      code: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports:
    - { name: metrics, port: 9090, targetPort: metrics }
    - { name: http, port: 80, targetPort: "8080" }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      initContainers:
        - name: exporter
          image: example/exporter:1.0
          restartPolicy: Always
          ports: [{ name: metrics, containerPort: 9090 }]
      containers:
        - name: web
          image: nginx:1.27
          ports: [{ containerPort: 8080 }]
`,
    },
    {
      name: 'numeric target not judged when a selected template declares no ports',
      code: `apiVersion: v1
kind: Service
metadata: { name: api }
spec:
  selector: { app: api }
  ports: [{ port: 80, targetPort: 3000 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api-blue }
spec:
  template:
    metadata: { labels: { app: api, slot: blue } }
    spec:
      containers: [{ name: api, image: example/api:1.0, ports: [{ containerPort: 8080 }] }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api-green }
spec:
  template:
    metadata: { labels: { app: api, slot: green } }
    spec:
      containers: [{ name: api, image: example/api:1.1 }]
`,
    },
    {
      name: 'unset targetPort defaults to port; no workload selected is left to dangling-service',
      code: `apiVersion: v1
kind: Service
metadata: { name: db }
spec:
  selector: { app: db }
  ports: [{ port: 5432 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: db, image: postgres:16, ports: [{ name: pg, containerPort: 5432 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: orphan }
spec:
  selector: { app: nothing }
  ports: [{ port: 80, targetPort: http }]
`,
    },
    {
      name: 'kubebuilder pattern: metrics Service targets an undeclared port while every declared port has its Service',
      code: `apiVersion: v1
kind: Service
metadata: { name: controller-manager-metrics-service, namespace: system }
spec:
  selector: { control-plane: controller-manager }
  ports: [{ name: https, port: 8443, targetPort: 8443 }]
---
apiVersion: v1
kind: Service
metadata: { name: webhook-service, namespace: system }
spec:
  selector: { control-plane: controller-manager }
  ports: [{ port: 443, targetPort: 9443 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: controller-manager, namespace: system }
spec:
  template:
    metadata: { labels: { control-plane: controller-manager } }
    spec:
      containers:
        - name: manager
          image: example/manager:1.0
          args: [--metrics-bind-address=:8443]
          ports: [{ name: webhook-server, containerPort: 9443 }]
`,
    },
    {
      name: 'placeholder target names are not port names',
      code: `apiVersion: v1
kind: Service
metadata: { name: sctp }
spec:
  selector: { app: sctp }
  ports: [{ port: 7777, targetPort: PORT, protocol: SCTP }]
---
apiVersion: v1
kind: Pod
metadata: { name: sctp, labels: { app: sctp } }
spec:
  containers: [{ name: app, image: example/sctp:1.0, ports: [{ containerPort: 7777, protocol: SCTP }] }]
`,
    },
  ],
  invalid: [
    {
      name: 'named port with the wrong protocol, and a named port only on a plain init container',
      code: `apiVersion: v1
kind: Service
metadata: { name: dns }
spec:
  selector: { app: dns }
  ports:
    - name: dns
      port: 53
      targetPort: dns
    - name: setup
      port: 81
      targetPort: setup
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: dns }
spec:
  template:
    metadata: { labels: { app: dns } }
    spec:
      initContainers:
        - name: setup
          image: busybox:1.36
          ports: [{ name: setup, containerPort: 81 }]
      containers:
        - name: coredns
          image: coredns/coredns:1.11.1
          ports: [{ name: dns, containerPort: 53, protocol: UDP }]
`,
      errors: [
        { path: 'spec.ports[0].targetPort', line: 9, messageId: 'named' },
        { path: 'spec.ports[1].targetPort', line: 12, messageId: 'named' },
      ],
    },
    {
      name: 'unset targetPort (= port 80) while the pods declare 8080',
      code: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports:
    - name: http
      port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - { name: http, containerPort: 8080 }
`,
      errors: [{ path: 'spec.ports[0].targetPort', line: 7, messageId: 'numeric' }],
    },
  ],
});
