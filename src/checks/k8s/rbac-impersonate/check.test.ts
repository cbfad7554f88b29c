import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'impersonate on a CRD named users in another group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: crd }
rules:
  - apiGroups: ["iam.example.com"]
    resources: ["users"]
    verbs: ["impersonate"]
`,
    },
    {
      name: 'uids impersonation in a namespaced Role has no effect',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules:
  - apiGroups: ["authentication.k8s.io"]
    resources: ["uids"]
    verbs: ["impersonate"]
`,
    },
  ],
  invalid: [
    {
      name: 'users, uids and a full wildcard',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: imp }
rules:
  - apiGroups: [""]
    resources: ["users"]
    verbs: ["impersonate"]
  - apiGroups: ["authentication.k8s.io"]
    resources: ["uids"]
    verbs:
      - impersonate
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { path: 'rules[0].verbs', line: 7 },
        { path: 'rules[1].verbs', line: 10 },
        { path: 'rules[2].verbs', line: 14 },
      ],
    },
    {
      name: 'wildcard resources in a namespaced Role reach serviceaccounts',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["impersonate"]
`,
      errors: [{ path: 'rules[0].verbs', line: 7 }],
    },
  ],
});
