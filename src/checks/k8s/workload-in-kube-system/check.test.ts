import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'namespace unset, or another namespace',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: kube-system-apps }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
    {
      name: 'kubeadm control-plane static pod',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
  labels: { component: kube-apiserver, tier: control-plane }
spec:
  priorityClassName: system-node-critical
  hostNetwork: true
  containers: [{ name: kube-apiserver, image: registry.k8s.io/kube-apiserver:v1.31.0 }]
`,
    },
    {
      name: 'non-workload objects in kube-system are out of scope',
      code: `apiVersion: v1
kind: ConfigMap
metadata: { name: coredns, namespace: kube-system }
data: { Corefile: "." }
`,
    },
  ],
  invalid: [
    {
      name: 'Deployment in kube-system, List item',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: app
      namespace: kube-system
    spec:
      template:
        spec:
          containers: [{ name: app, image: nginx:1.27 }]
`,
      errors: [{ path: 'metadata.namespace', line: 8, resource: 'app' }],
    },
    {
      name: 'control-plane labels without a system priority class are not enough',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fake-etcd
  namespace: kube-system
spec:
  template:
    metadata:
      labels: { component: etcd, tier: control-plane }
    spec:
      containers: [{ name: etcd, image: example/etcd:3.5 }]
`,
      errors: [{ path: 'metadata.namespace', line: 5, resource: 'fake-etcd' }],
    },
  ],
});
