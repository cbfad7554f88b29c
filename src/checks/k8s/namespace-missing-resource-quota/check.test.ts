import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'system namespaces are skipped; no Namespace object means nothing to check',
      code: `apiVersion: v1
kind: Namespace
metadata: { name: kube-system }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
    {
      name: 'ResourceQuota without namespace counts for the Namespace of the scan',
      code: `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: defaults }
spec:
  hard: { pods: "20" }
`,
    },
  ],
  invalid: [
    {
      name: 'ResourceQuota in another namespace',
      code: `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: defaults, namespace: team-b }
spec:
  hard: { pods: "20" }
`,
      errors: [{ path: 'metadata.name', line: 4, resource: 'team-a' }],
    },
    {
      name: 'Namespaces in a List, one covered',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Namespace
    metadata: { name: team-a }
  - apiVersion: v1
    kind: Namespace
    metadata: { name: team-b }
  - apiVersion: v1
    kind: ResourceQuota
    metadata: { name: defaults, namespace: team-a }
`,
      errors: [{ path: 'metadata.name', line: 9, resource: 'team-b' }],
    },
  ],
});
