import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'nodes and nodes/stats only',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: stats }
rules:
  - apiGroups: [""]
    resources: ["nodes", "nodes/stats"]
    verbs: ["*"]
`,
    },
    {
      name: 'pods/proxy is not nodes/proxy',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: pp }
rules:
  - apiGroups: [""]
    resources: ["pods/proxy", "services/proxy"]
    verbs: ["get", "create"]
`,
    },
  ],
  invalid: [
    {
      name: 'explicit, subresource wildcard, and full wildcard',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: proxies }
rules:
  - apiGroups: [""]
    resources: ["nodes/proxy"]
    verbs: ["create"]
  - apiGroups: [""]
    resources: ["*/proxy"]
    verbs: ["get"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["list"]
`,
      errors: [
        { path: 'rules[0].resources', line: 6 },
        { path: 'rules[1].resources', line: 9 },
        { path: 'rules[2].resources', line: 12 },
      ],
    },
    {
      name: 'ClusterRole in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: { name: kubelet-api }
    rules:
      - apiGroups: [""]
        resources: ["nodes/proxy"]
        verbs: ["patch"]
`,
      errors: [{ path: 'rules[0].resources', line: 9, resource: 'kubelet-api' }],
    },
  ],
});
