import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'admission policies are other resources',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: vap }
rules:
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["validatingadmissionpolicies"]
    verbs: ["create"]
`,
    },
    {
      name: 'wildcard resources in the core group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: core }
rules:
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: 'delete of validating webhooks, and an admissionregistration wildcard',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: wh }
rules:
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["validatingwebhookconfigurations"]
    verbs: ["delete"]
  - apiGroups: ["admissionregistration.k8s.io"]
    resources: ["*"]
    verbs: ["*"]
`,
      errors: [
        { path: 'rules[0].resources', line: 6 },
        { path: 'rules[1].resources', line: 9 },
      ],
    },
    {
      name: 'wildcard group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: wh2 }
rules:
  - apiGroups: ["*"]
    resources:
      - mutatingwebhookconfigurations
    verbs:
      - create
`,
      errors: [{ path: 'rules[0].resources', line: 6 }],
    },
  ],
});
