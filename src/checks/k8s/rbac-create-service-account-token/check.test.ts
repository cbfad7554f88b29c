import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'service accounts without the token subresource',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: sa-admin, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts"]
    verbs: ["*"]
`,
    },
    {
      name: 'get on the token subresource is not token creation',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["serviceaccounts/token"]
    verbs: ["get"]
`,
    },
  ],
  invalid: [
    {
      name: 'explicit create and a core wildcard',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: minters }
rules:
  - apiGroups: [""]
    resources:
      - serviceaccounts
      - serviceaccounts/token
    verbs: ["create"]
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["create"]
`,
      errors: [
        { path: 'rules[0].resources', line: 6 },
        { path: 'rules[1].resources', line: 11 },
      ],
    },
    {
      name: 'Role in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: { name: tok, namespace: ci }
    rules:
      - apiGroups: ["*"]
        resources: ["serviceaccounts/token"]
        verbs: ["create"]
`,
      errors: [{ path: 'rules[0].resources', line: 9, resource: 'tok' }],
    },
  ],
});
