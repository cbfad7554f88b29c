import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'no NetworkPolicy in the namespace: not reported (partial scan)',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: other }
spec:
  podSelector: { matchLabels: { app: web } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: worker, namespace: shop }
spec:
  template:
    metadata: { labels: { app: worker } }
    spec:
      containers: [{ name: worker, image: example/worker:1.0 }]
`,
    },
    {
      name: 'namespace-wide default deny selects everything; unset namespace equals default',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: default }
spec:
  podSelector: {}
  policyTypes: ["Ingress"]
---
apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: migrate, image: example/migrate:1.0 }]
`,
    },
    {
      name: 'selected through matchExpressions',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: backend }
spec:
  podSelector:
    matchExpressions:
      - { key: tier, operator: In, values: [backend, worker] }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: queue }
spec:
  template:
    metadata: { labels: { app: queue, tier: worker } }
    spec:
      containers: [{ name: queue, image: example/queue:1.0 }]
`,
    },
    {
      name: 'host-network pods are skipped',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: node-agent }
spec:
  template:
    metadata: { labels: { app: node-agent } }
    spec:
      hostNetwork: true
      containers: [{ name: agent, image: example/agent:1.0 }]
`,
    },
    {
      name: 'policy selecting the job-name label the Job controller adds',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: migrate }
spec:
  podSelector: { matchLabels: { batch.kubernetes.io/job-name: migrate } }
---
apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: migrate, image: example/migrate:1.0 }]
`,
    },
  ],
  invalid: [
    {
      name: 'CronJob left out by the policies of its namespace',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: shop }
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: { app: report }
        spec:
          restartPolicy: Never
          containers: [{ name: report, image: example/report:1.0 }]
`,
      errors: [{ path: 'spec.jobTemplate.spec.template.metadata.labels', line: 16, resource: 'report' }],
    },
    {
      name: 'bare Pod without labels, policy in explicit default namespace',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: default }
spec:
  podSelector:
    matchLabels: { app: web }
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers: [{ name: sh, image: busybox:1.36 }]
`,
      errors: [{ path: 'metadata.labels', line: 10, resource: 'debug' }],
    },
  ],
});
