import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'group of all service accounts is another check',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: sa-view }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
  - { kind: Group, name: "system:serviceaccounts:app", apiGroup: rbac.authorization.k8s.io }
`,
    },
    {
      name: 'binding without subjects',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: none, namespace: app }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: r }
`,
    },
  ],
  invalid: [
    {
      name: 'two default service accounts, one without namespace',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: shared
  namespace: app
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: pod-reader
subjects:
  - kind: ServiceAccount
    name: default
  - kind: ServiceAccount
    name: default
    namespace: other
`,
      errors: [
        { path: 'subjects[0].name', line: 12 },
        { path: 'subjects[1].name', line: 14 },
      ],
    },
    {
      name: 'RoleBinding inside a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata: { name: b, namespace: app }
    roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit }
    subjects:
      - { kind: ServiceAccount, name: default, namespace: app }
`,
      errors: [{ path: 'subjects[0].name', line: 9, resource: 'b' }],
    },
  ],
});
