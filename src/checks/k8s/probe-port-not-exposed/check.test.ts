import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'numeric probe without declared ports; exec probe; named port declared',
      code: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      livenessProbe:
        tcpSocket: { port: 80 }
      readinessProbe:
        exec: { command: ["cat", "/tmp/ready"] }
    - name: api
      image: example/api:1.0
      ports: [{ name: grpc, containerPort: 9000 }, { containerPort: 9090 }]
      startupProbe:
        grpc: { port: 9090 }
      readinessProbe:
        httpGet: { path: /ready, port: grpc }
`,
    },
    {
      name: 'numeric port declared by a sibling container of the same pod',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: meshed }
spec:
  selector: { matchLabels: { app: meshed } }
  template:
    metadata: { labels: { app: meshed } }
    spec:
      containers:
        - name: app
          image: example/app:1.0
          ports: [{ containerPort: 8080 }]
          livenessProbe:
            httpGet: { path: /stats, port: 15020 }
        - name: proxy
          image: example/proxy:1.0
          ports: [{ containerPort: 15020 }]
`,
    },
  ],
  invalid: [
    {
      name: 'named port missing and numeric port not declared, in probe order',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
          livenessProbe:
            tcpSocket:
              port: 8081
          readinessProbe:
            httpGet:
              path: /ready
              port: metrics
`,
      errors: [
        { path: 'spec.template.spec.containers[0].livenessProbe.tcpSocket.port', line: 17, messageId: 'numeric' },
        { path: 'spec.template.spec.containers[0].readinessProbe.httpGet.port', line: 21, messageId: 'named' },
      ],
    },
    {
      name: 'named port is resolved only in the probing container, not its siblings (CronJob sidecar)',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: sync }
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: proxy
              image: example/proxy:1.0
              restartPolicy: Always
              startupProbe:
                httpGet: { path: /healthz, port: admin }
          containers:
            - name: sync
              image: example/sync:1.0
              ports: [{ name: admin, containerPort: 9901 }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.spec.initContainers[0].startupProbe.httpGet.port', line: 16, messageId: 'named' }],
    },
  ],
});
