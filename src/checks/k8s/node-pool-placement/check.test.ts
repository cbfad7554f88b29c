import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const pci = { rules: [{ selector: { data: 'pci' }, nodeSelector: { pool: 'pci' }, message: 'PCI workloads run on the PCI pool (policy SEC-12).' }] };
const gpu = { rules: [{ selector: {}, nodeSelector: { 'cloud.google.com/gke-nodepool': 'general' } }] };

runCheckTests(check, {
  dir: import.meta.dirname,
  options: pci,
  valid: [
    {
      name: 'no rules configured: nothing to enforce',
      code: `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { data: pci } }
spec:
  containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'pinned through every required affinity term; non-matching workload ignored',
      options: pci,
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: payments }
spec:
  template:
    metadata: { labels: { app: payments, data: pci } }
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - { key: pool, operator: In, values: [pci] }
                  - { key: kubernetes.io/arch, operator: In, values: [amd64] }
              - matchExpressions:
                  - { key: pool, operator: In, values: [pci] }
      containers: [{ name: api, image: example/payments:1.0 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'empty selector applies to all; CronJob pinned with nodeSelector',
      options: gpu,
      code: `apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          nodeSelector: { cloud.google.com/gke-nodepool: general }
          restartPolicy: Never
          containers: [{ name: report, image: example/report:1.0 }]
`,
    },
  ],
  invalid: [
    {
      name: 'one affinity term lets the pod land anywhere; preferred affinity does not pin',
      options: pci,
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: payments }
spec:
  template:
    metadata: { labels: { data: pci } }
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions: [{ key: pool, operator: In, values: [pci] }]
              - matchExpressions: [{ key: pool, operator: In, values: [pci, general] }]
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              preference:
                matchExpressions: [{ key: pool, operator: In, values: [pci] }]
      containers: [{ name: api, image: example/payments:1.0 }]
`,
      errors: [{ path: 'spec.template.spec.nodeSelector.pool', line: 7, messageId: 'notPinned' }],
    },
    {
      name: 'nodeSelector asks for another pool',
      options: pci,
      code: `apiVersion: v1
kind: Pod
metadata:
  name: payments-debug
  labels: { data: pci }
spec:
  nodeSelector:
    pool: general
  containers: [{ name: sh, image: busybox:1.36 }]
`,
      errors: [{ path: 'spec.nodeSelector.pool', line: 8, messageId: 'wrongValue' }],
    },
  ],
});
