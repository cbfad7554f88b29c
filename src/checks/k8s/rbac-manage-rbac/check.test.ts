import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'delete only',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: cleaner, namespace: app }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["rolebindings"]
    verbs: ["delete", "deletecollection"]
`,
    },
    {
      name: 'same names in another group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: crd }
rules:
  - apiGroups: ["iam.example.com"]
    resources: ["roles", "rolebindings"]
    verbs: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: 'explicit writes and a full wildcard',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: rbac-admin }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "rolebindings"]
    verbs: ["update"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { path: 'rules[0].resources', line: 6 },
        { path: 'rules[1].resources', line: 9 },
      ],
    },
    {
      name: 'wildcard resources of the rbac group in a Role',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: ns-rbac, namespace: app }
rules:
  - apiGroups:
      - rbac.authorization.k8s.io
    resources:
      - "*"
    verbs:
      - create
`,
      errors: [{ path: 'rules[0].resources', line: 7 }],
    },
  ],
});
