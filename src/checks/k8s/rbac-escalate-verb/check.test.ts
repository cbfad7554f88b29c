import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'read-only on RBAC objects',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: viewer, namespace: app }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "rolebindings"]
    verbs: ["get", "list", "watch"]
`,
    },
    {
      name: 'escalate on clusterroles inside a namespaced Role has no effect',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: ineffective, namespace: app }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    verbs: ["escalate"]
`,
    },
  ],
  invalid: [
    {
      name: 'explicit escalate, and a full wildcard',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: esc }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterroles"]
    verbs: ["escalate"]
  - apiGroups: [""]
    resources: ["pods"]
    verbs: ["*"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { path: 'rules[0].verbs', line: 7 },
        { path: 'rules[2].verbs', line: 13 },
      ],
    },
    {
      name: 'escalate on roles in a namespaced Role',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: ns-esc, namespace: app }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "clusterroles"]
    verbs:
      - escalate
`,
      errors: [{ path: 'rules[0].verbs', line: 7 }],
    },
  ],
});
