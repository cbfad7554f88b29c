import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'built-in ClusterRoles and system roles',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ops-admin }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects: [{ kind: Group, name: ops }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: metrics-server:system:auth-delegator }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:auth-delegator" }
subjects: [{ kind: ServiceAccount, name: metrics-server, namespace: kube-system }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: metrics-server-auth-reader, namespace: kube-system }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: extension-apiserver-authentication-reader }
subjects: [{ kind: ServiceAccount, name: metrics-server, namespace: kube-system }]
`,
    },
    {
      name: 'Role in the same namespace (unset = default), ClusterRole defined elsewhere in the scan',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: config-reader, namespace: default }
rules: [{ apiGroups: [""], resources: [configmaps], verbs: [get] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app-config }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: config-reader }
subjects: [{ kind: ServiceAccount, name: app }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app-pods, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader }
subjects: [{ kind: ServiceAccount, name: app }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: pod-reader }
rules: [{ apiGroups: [""], resources: [pods], verbs: [get, list] }]
`,
    },
    {
      name: 'scan without any Role or ClusterRole: RBAC managed elsewhere, not reported',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app-config }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: config-reader }
subjects: [{ kind: ServiceAccount, name: app }]
`,
    },
  ],
  invalid: [
    {
      name: 'Role exists only in another namespace',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: config-reader, namespace: staging }
rules: [{ apiGroups: [""], resources: [configmaps], verbs: [get] }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app-config, namespace: shop }
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: config-reader
subjects: [{ kind: ServiceAccount, name: app }]
`,
      errors: [{ path: 'roleRef.name', line: 12, resource: 'app-config' }],
    },
    {
      name: 'ClusterRoleBinding to a ClusterRole that no manifest defines, in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRoleBinding
    metadata: { name: operator }
    roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator-manager }
    subjects: [{ kind: ServiceAccount, name: operator, namespace: ops }]
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata: { name: operator-manager-role }
    rules: [{ apiGroups: [apps], resources: [deployments], verbs: [get] }]
`,
      errors: [{ path: 'roleRef.name', line: 7, resource: 'operator' }],
    },
  ],
});
