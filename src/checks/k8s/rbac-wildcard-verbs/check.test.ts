import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'explicit verbs, wildcard only in resources',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: crd-reader }
rules:
  - apiGroups: ["example.com"]
    resources: ["*"]
    verbs: ["get", "list", "watch"]
`,
    },
    {
      name: 'aggregated ClusterRole with no rules',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: monitoring }
aggregationRule:
  clusterRoleSelectors:
    - matchLabels: { aggregate-to-monitoring: "true" }
`,
    },
    {
      name: 'wildcard API group with explicit verbs',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: scaler, namespace: app }
rules:
  - apiGroups: ["*"]
    resources: ["deployments/scale"]
    verbs: ["get", "update"]
`,
    },
  ],
  invalid: [
    {
      name: 'wildcard verb on resources and on non-resource URLs',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: wide }
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["*"]
  - nonResourceURLs: ["/debug/*"]
    verbs:
      - get
      - "*"
`,
      errors: [
        { path: 'rules[0].verbs', line: 7, messageId: 'resources' },
        { path: 'rules[1].verbs', line: 9, messageId: 'urls' },
      ],
    },
    {
      name: 'Role inside a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata: { name: r, namespace: app }
    rules:
      - apiGroups: ["apps"]
        resources: ["deployments"]
        verbs: ["get"]
      - apiGroups: ["*"]
        resources: ["*"]
        verbs: ["*"]
`,
      errors: [{ path: 'rules[1].verbs', line: 13, resource: 'r' }],
    },
  ],
});
