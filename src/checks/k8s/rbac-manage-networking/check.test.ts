import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'read-only networking',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: viewer }
rules:
  - apiGroups: ["", "networking.k8s.io", "discovery.k8s.io"]
    resources: ["services", "endpoints", "endpointslices", "ingresses", "networkpolicies"]
    verbs: ["get", "list", "watch"]
`,
    },
    {
      name: 'networking resources named in the wrong group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules:
  - apiGroups: ["apps"]
    resources: ["services", "ingresses"]
    verbs: ["create"]
`,
    },
  ],
  invalid: [
    {
      name: 'services, legacy extensions ingresses, and a networking wildcard',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: net }
rules:
  - apiGroups: [""]
    resources: ["services"]
    verbs: ["patch"]
  - apiGroups: ["extensions"]
    resources: ["ingresses"]
    verbs: ["*"]
  - apiGroups: ["networking.k8s.io"]
    resources: ["*"]
    verbs: ["deletecollection"]
`,
      errors: [
        { path: 'rules[0].resources', line: 6 },
        { path: 'rules[1].resources', line: 9 },
        { path: 'rules[2].resources', line: 12 },
      ],
    },
    {
      name: 'NetworkPolicy editing in a Role',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: np, namespace: app }
rules:
  - apiGroups:
      - networking.k8s.io
    resources:
      - networkpolicies
    verbs:
      - create
      - delete
`,
      errors: [{ path: 'rules[0].resources', line: 7 }],
    },
  ],
});
