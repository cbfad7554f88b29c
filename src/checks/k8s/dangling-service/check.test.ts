import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'no workload in the namespace: partial scan, not reported',
      code: `apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: other }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'no selector, ExternalName, and selection of a CronJob in the default namespace',
      code: `apiVersion: v1
kind: Service
metadata: { name: external-db }
spec:
  ports: [{ port: 5432 }]
---
apiVersion: v1
kind: Service
metadata: { name: alias }
spec:
  type: ExternalName
  externalName: db.example.com
  selector: { app: nothing }
---
apiVersion: v1
kind: Service
metadata: { name: report, namespace: default }
spec:
  selector: { app: report }
  ports: [{ port: 8080 }]
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        metadata: { labels: { app: report, tier: batch } }
        spec:
          restartPolicy: Never
          containers: [{ name: report, image: example/report:1.0 }]
`,
    },
    {
      name: 'numeric label values compare as strings',
      code: `apiVersion: v1
kind: Service
metadata: { name: v2 }
spec:
  selector: { app: web, version: 2 }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Pod
metadata:
  name: web-v2
  labels: { app: web, version: "2" }
spec:
  containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'labels added by controllers: StatefulSet pod name, Job name',
      code: `apiVersion: v1
kind: Service
metadata: { name: redis-0 }
spec:
  selector: { app: redis, statefulset.kubernetes.io/pod-name: redis-0 }
  ports: [{ port: 6379 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: redis }
spec:
  template:
    metadata: { labels: { app: redis } }
    spec:
      containers: [{ name: redis, image: redis:7 }]
---
apiVersion: v1
kind: Service
metadata: { name: train-headless }
spec:
  clusterIP: None
  selector: { job-name: train }
  ports: [{ port: 8471 }]
---
apiVersion: batch/v1
kind: Job
metadata: { name: train }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: train, image: example/train:1.0 }]
`,
    },
    {
      name: 'pods an operator creates from a custom resource of the scan',
      code: `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: { name: k8s, namespace: monitoring }
spec:
  replicas: 2
---
apiVersion: v1
kind: Service
metadata: { name: prometheus-k8s, namespace: monitoring }
spec:
  selector: { app.kubernetes.io/name: prometheus, app.kubernetes.io/instance: k8s }
  ports: [{ port: 9090 }]
---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: { name: db, namespace: monitoring }
spec:
  instances: 3
---
apiVersion: v1
kind: Service
metadata: { name: db-ro, namespace: monitoring }
spec:
  selector: { cnpg.io/instanceRole: replica }
  ports: [{ port: 5432 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: grafana, namespace: monitoring }
spec:
  template:
    metadata: { labels: { app: grafana } }
    spec:
      containers: [{ name: grafana, image: grafana/grafana:11.0.0 }]
`,
    },
    {
      name: 'unrendered placeholder in the selector',
      code: `apiVersion: v1
kind: Service
metadata: { name: app }
spec:
  selector: { app: "\${APP_NAME}" }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'selector label on the Deployment metadata, not on the pod template',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
    tier: frontend
  ports: [{ port: 80 }]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web, tier: frontend }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.selector', line: 6, resource: 'web' }],
    },
    {
      name: 'matching workload is in another namespace',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: api, namespace: shop }
    spec:
      selector: { app: api }
      ports: [{ port: 80 }]
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: api, namespace: staging }
    spec:
      template:
        metadata: { labels: { app: api } }
        spec:
          containers: [{ name: api, image: example/api:1.0 }]
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web, namespace: shop }
    spec:
      template:
        metadata: { labels: { app: web } }
        spec:
          containers: [{ name: web, image: example/web:1.0 }]
`,
      errors: [{ path: 'spec.selector', line: 8, resource: 'api' }],
    },
    {
      name: 'a ServiceMonitor named like the app does not hide the mismatch',
      code: `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  endpoints: [{ port: http }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    metadata: { labels: { app: webapp } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      errors: [{ path: 'spec.selector', line: 12, resource: 'web' }],
    },
  ],
});
