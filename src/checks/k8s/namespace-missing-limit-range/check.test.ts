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
      name: 'LimitRange without namespace counts for the Namespace of the scan',
      code: `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
---
apiVersion: v1
kind: LimitRange
metadata: { name: defaults }
spec:
  limits:
    - type: Container
      default: { cpu: 500m, memory: 512Mi }
`,
    },
  ],
  invalid: [
    {
      name: 'LimitRange in another namespace',
      code: `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: team-b }
spec:
  limits:
    - type: Container
      default: { cpu: 500m, memory: 512Mi }
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
    kind: LimitRange
    metadata: { name: defaults, namespace: team-a }
`,
      errors: [{ path: 'metadata.name', line: 9, resource: 'team-b' }],
    },
  ],
});
