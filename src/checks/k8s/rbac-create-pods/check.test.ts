import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'deployments in the core group do not exist',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: app }
rules:
  - apiGroups: [""]
    resources: ["deployments", "configmaps"]
    verbs: ["create"]
`,
    },
    {
      name: 'wildcard resources in an unrelated group',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: certs }
rules:
  - apiGroups: ["cert-manager.io"]
    resources: ["*"]
    verbs: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: 'batch wildcard, legacy extensions group, core pods',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: creators }
rules:
  - apiGroups: ["batch"]
    resources: ["*"]
    verbs: ["create"]
  - apiGroups: ["extensions"]
    resources: ["daemonsets"]
    verbs: ["*"]
  - apiGroups: [""]
    resources:
      - pods
      - replicationcontrollers
    verbs: ["create"]
`,
      errors: [
        { path: 'rules[0].resources', line: 6 },
        { path: 'rules[1].resources', line: 9 },
        { path: 'rules[2].resources', line: 12 },
      ],
    },
    {
      name: 'CronJob creation in a Role',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: sched, namespace: app }
rules:
  - apiGroups:
      - batch
    resources:
      - cronjobs
    verbs:
      - create
`,
      errors: [{ path: 'rules[0].resources', line: 7 }],
    },
  ],
});
