import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'percentage above zero and minAvailable-only budgets',
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: pct }
spec:
  maxUnavailable: "10%"
  selector: { matchLabels: { app: web } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: min }
spec:
  minAvailable: 1
  selector: { matchLabels: { app: api } }
`,
    },
    {
      name: 'maxUnavailable 2',
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: two }
spec:
  maxUnavailable: 2
  selector: { matchLabels: { app: web } }
`,
    },
  ],
  invalid: [
    {
      name: 'integer zero',
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: frozen }
spec:
  selector: { matchLabels: { app: web } }
  maxUnavailable: 0
`,
      errors: [{ path: 'spec.maxUnavailable', line: 6 }],
    },
    {
      name: '"0%" and "0" strings (policy/v1beta1 in a List)',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: policy/v1beta1
    kind: PodDisruptionBudget
    metadata: { name: pct }
    spec:
      maxUnavailable: "0%"
      selector: { matchLabels: { app: web } }
  - apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: { name: str }
    spec:
      maxUnavailable: "0"
      selector: { matchLabels: { app: api } }
`,
      errors: [
        { path: 'spec.maxUnavailable', line: 8, resource: 'pct' },
        { path: 'spec.maxUnavailable', line: 14, resource: 'str' },
      ],
    },
  ],
});
