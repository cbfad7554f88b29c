import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'system namespaces are skipped',
      code: `apiVersion: v1
kind: Namespace
metadata: { name: kube-system }
---
apiVersion: v1
kind: Namespace
metadata: { name: kube-node-lease }
`,
    },
    {
      name: 'a NetworkPolicy without namespace counts (kustomize / helm --namespace place it)',
      code: `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-all }
spec:
  podSelector: {}
`,
    },
    {
      name: 'NetworkPolicy inside a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Namespace
    metadata: { name: shop }
  - apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: { name: allow-web, namespace: shop }
    spec:
      podSelector: { matchLabels: { app: web } }
`,
    },
    {
      name: 'no Namespace object in the scan: nothing to say',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  ],
  invalid: [
    {
      name: 'policy lives in another namespace',
      code: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-all, namespace: billing }
spec:
  podSelector: {}
`,
      errors: [{ path: 'metadata.name', line: 4, resource: 'shop' }],
    },
    {
      name: 'two namespaces, one covered',
      code: `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: Namespace
metadata: { name: billing }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-all, namespace: shop }
spec:
  podSelector: {}
`,
      errors: [{ path: 'metadata.name', line: 7, resource: 'billing' }],
    },
  ],
});
