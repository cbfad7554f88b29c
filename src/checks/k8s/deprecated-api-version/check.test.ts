import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runCheckOn, runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'current versions, including newer kinds in an old group version',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec:
  rules: []
---
apiVersion: admissionregistration.k8s.io/v1beta1
kind: ValidatingAdmissionPolicy
metadata: { name: policy }
spec:
  validations: [{ expression: "true" }]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 3
`,
    },
    {
      name: 'custom resources are left alone',
      code: `apiVersion: example.com/v1beta1
kind: Widget
metadata: { name: w }
spec: {}
`,
    },
  ],
  invalid: [
    {
      name: 'Ingress and Deployment under extensions/v1beta1, RBAC v1beta1',
      code: `apiVersion: extensions/v1beta1
kind: Ingress
metadata: { name: web }
spec:
  backend: { serviceName: web, servicePort: 80 }
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata: { name: web }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
---
apiVersion: rbac.authorization.k8s.io/v1beta1
kind: ClusterRole
metadata: { name: reader }
rules: []
`,
      errors: [
        { path: 'apiVersion', line: 1, messageId: 'removed', resource: 'web' },
        { path: 'apiVersion', line: 7, messageId: 'removed', resource: 'web' },
        { path: 'apiVersion', line: 16, messageId: 'removed', resource: 'reader' },
      ],
    },
    {
      name: 'PodSecurityPolicy has no replacement; HPA v2beta2 inside a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: policy/v1beta1
    kind: PodSecurityPolicy
    metadata: { name: restricted }
    spec: {}
  - apiVersion: autoscaling/v2beta2
    kind: HorizontalPodAutoscaler
    metadata: { name: web }
    spec:
      scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
      maxReplicas: 3
`,
      errors: [
        { path: 'apiVersion', line: 4, messageId: 'gone', resource: 'restricted' },
        { path: 'apiVersion', line: 8, messageId: 'removed', resource: 'web' },
      ],
    },
  ],
});

it('deprecated-api-version messages name the release and the replacement', () => {
  const [f] = runCheckOn(check, `apiVersion: batch/v1beta1
kind: CronJob
metadata: { name: c }
spec: { schedule: "@daily", jobTemplate: { spec: { template: { spec: { containers: [] } } } } }
`);
  assert.equal(f?.message, 'apiVersion batch/v1beta1 of CronJob was removed in Kubernetes 1.25; use batch/v1.');
});
