import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'discovery role for authenticated users',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: discovery }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:discovery" }
subjects:
  - { kind: Group, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io }
`,
    },
    {
      name: 'a User named like the group is not the group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: odd, namespace: app }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: r }
subjects:
  - { kind: User, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io }
`,
    },
  ],
  invalid: [
    {
      name: 'unauthenticated and authenticated on a custom role',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: open
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: metrics-reader
subjects:
  - kind: ServiceAccount
    name: prometheus
    namespace: monitoring
  - kind: Group
    name: system:unauthenticated
  - kind: Group
    name: system:authenticated
`,
      errors: [
        { path: 'subjects[1].name', line: 14, messageId: 'unauthenticated' },
        { path: 'subjects[2].name', line: 16, messageId: 'authenticated' },
      ],
    },
    {
      name: 'anonymous user on a namespaced Role named like a discovery role',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: fake, namespace: app }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: "system:public-info-viewer" }
subjects:
  - kind: User
    name: system:anonymous
`,
      errors: [{ path: 'subjects[0].name', line: 7, messageId: 'anonymous' }],
    },
  ],
});
