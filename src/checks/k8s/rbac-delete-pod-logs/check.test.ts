import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'read-only logs',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["pods/log"]
    verbs: ["get", "list", "watch"]
`,
    },
    {
      name: 'delete on a non-core log resource',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: crd }
rules:
  - apiGroups: ["logging.example.com"]
    resources: ["*"]
    verbs: ["delete"]
`,
    },
  ],
  invalid: [
    {
      name: 'delete, subresource wildcard, and wildcard verb',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: erasers }
rules:
  - apiGroups: [""]
    resources: ["pods/log"]
    verbs: ["delete"]
  - apiGroups: [""]
    resources: ["*/log"]
    verbs: ["deletecollection"]
  - apiGroups: [""]
    resources: ["pods/log"]
    verbs: ["*"]
`,
      errors: [
        { path: 'rules[0].resources', line: 6 },
        { path: 'rules[1].resources', line: 9 },
        { path: 'rules[2].resources', line: 12 },
      ],
    },
    {
      name: 'core wildcard in a Role',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: all, namespace: app }
rules:
  - apiGroups:
      - ""
    resources:
      - "*"
    verbs:
      - delete
`,
      errors: [{ path: 'rules[0].resources', line: 7 }],
    },
  ],
});
