import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'binding to admin in a namespace',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: ns-admin, namespace: app }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin }
subjects:
  - { kind: User, name: bob, apiGroup: rbac.authorization.k8s.io }
`,
    },
    {
      name: 'cluster-admin binding without subjects grants nothing',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: empty }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
`,
    },
  ],
  invalid: [
    {
      name: 'ClusterRoleBinding to a service account and a group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: tiller
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: tiller
    namespace: kube-system
  - kind: Group
    name: ops
`,
      errors: [{ path: 'roleRef.name', line: 8, messageId: 'cluster' }],
    },
    {
      name: 'RoleBinding inside a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata: { name: app-admin, namespace: app }
    roleRef:
      apiGroup: rbac.authorization.k8s.io
      kind: ClusterRole
      name: cluster-admin
    subjects:
      - { kind: ServiceAccount, name: default, namespace: app }
`,
      errors: [{ path: 'roleRef.name', line: 10, messageId: 'namespace', resource: 'app-admin' }],
    },
  ],
});
