import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'approve on signers without the approval subresource',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: half }
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["signers"]
    verbs: ["approve"]
`,
    },
    {
      name: 'namespaced Role: CSRs are cluster-scoped',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["certificatesigningrequests/approval", "signers"]
    verbs: ["update", "approve"]
`,
    },
  ],
  invalid: [
    {
      name: 'approval and signers in separate rules, patch verb',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: approver }
rules:
  - apiGroups: ["certificates.k8s.io"]
    resources: ["signers"]
    resourceNames: ["kubernetes.io/*"]
    verbs: ["approve"]
  - apiGroups: ["certificates.k8s.io"]
    resources:
      - certificatesigningrequests/approval
    verbs: ["patch"]
`,
      errors: [{ path: 'rules[1].resources', line: 10 }],
    },
    {
      name: 'a single full wildcard rule grants both',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: all }
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [{ path: 'rules[0].resources', line: 6 }],
    },
  ],
});
