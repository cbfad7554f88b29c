import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'wildcard resources in a non-core group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: apps-reader }
rules:
  - apiGroups: ["apps"]
    resources: ["*"]
    verbs: ["*"]
`,
    },
    {
      name: 'update only (no read verb)',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: rotator, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["update", "patch"]
`,
    },
    {
      name: 'read restricted by resourceNames',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: one, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    resourceNames: ["a", "b"]
    verbs: ["get"]
`,
    },
  ],
  invalid: [
    {
      name: 'explicit read, wildcard verb, wildcard group and resource',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: readers }
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "list"]
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["*"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["watch"]
`,
      errors: [
        { path: 'rules[0].resources', line: 6 },
        { path: 'rules[1].resources', line: 9 },
        { path: 'rules[2].resources', line: 12 },
      ],
    },
    {
      name: 'Role in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: { name: app-reader, namespace: app }
    rules:
      - apiGroups: [""]
        resources:
          - pods
          - secrets
        verbs: ["get"]
`,
      errors: [{ path: 'rules[0].resources', line: 9, resource: 'app-reader' }],
    },
  ],
});
