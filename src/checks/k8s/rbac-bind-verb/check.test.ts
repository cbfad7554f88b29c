import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'bind limited to named roles',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: granter }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    resourceNames: ["view"]
    verbs: ["bind"]
`,
    },
    {
      name: 'bind on a CRD of another group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: crd }
rules:
  - apiGroups: ["example.com"]
    resources: ["roles"]
    verbs: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: 'unrestricted bind and wildcard verb on the rbac group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: binders }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "clusterroles"]
    verbs: ["get", "bind"]
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { path: 'rules[0].verbs', line: 7 },
        { path: 'rules[1].verbs', line: 10 },
      ],
    },
    {
      name: 'resourceNames that include cluster-admin',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: admin-granter }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    resourceNames:
      - cluster-admin
    verbs:
      - bind
`,
      errors: [{ path: 'rules[0].verbs', line: 9 }],
    },
    {
      name: 'a namespaced Role can grant bind on clusterroles (for RoleBindings in its namespace)',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: ns-binder, namespace: team-a }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    verbs: ["bind"]
`,
      errors: [{ path: 'rules[0].verbs', line: 7 }],
    },
  ],
});
