import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'wildcard verbs but named resources',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: cm-admin, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["*"]
`,
    },
    {
      name: 'non-resource URL rule',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: metrics }
rules:
  - nonResourceURLs: ["*"]
    verbs: ["get"]
`,
    },
  ],
  invalid: [
    {
      name: 'core group wildcard and full wildcard rule',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: wide }
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get"]
  - apiGroups: [""]
    resources: ["pods", "*"]
    verbs: ["get", "list"]
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { path: 'rules[1].resources', line: 9 },
        { path: 'rules[2].resources', line: 12 },
      ],
    },
    {
      name: 'Role in a namespace',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: batch-all
  namespace: jobs
rules:
  - apiGroups:
      - batch
    resources:
      - "*"
    verbs:
      - create
`,
      errors: [{ path: 'rules[0].resources', line: 9, resource: 'batch-all' }],
    },
  ],
});
