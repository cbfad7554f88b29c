import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'read pods and logs only',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: viewer, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["*"]
`,
    },
    {
      name: 'exec in a non-core group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: vm-console }
rules:
  - apiGroups: ["subresources.kubevirt.io"]
    resources: ["virtualmachineinstances/console"]
    verbs: ["get"]
  - apiGroups: ["apps"]
    resources: ["*"]
    verbs: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: 'exec with create, attach with get, and a core wildcard',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: shells }
rules:
  - apiGroups: [""]
    resources: ["pods/exec"]
    verbs: ["create"]
  - apiGroups: [""]
    resources:
      - pods/attach
    verbs: ["get"]
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { path: 'rules[0].resources', line: 6 },
        { path: 'rules[1].resources', line: 9 },
        { path: 'rules[2].resources', line: 13 },
      ],
    },
    {
      name: 'Role in a List with a wildcard group',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: { name: dbg, namespace: app }
    rules:
      - apiGroups: ["*"]
        resources: ["pods/exec"]
        verbs: ["*"]
`,
      errors: [{ path: 'rules[0].resources', line: 9, resource: 'dbg' }],
    },
  ],
});
