import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'minReplicas 3 (autoscaling/v1)',
      code: `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 3
  maxReplicas: 10
  targetCPUUtilizationPercentage: 70
`,
    },
    {
      name: 'scale-to-zero is deliberate',
      code: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: worker }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: worker }
  minReplicas: 0
  maxReplicas: 20
`,
    },
  ],
  invalid: [
    {
      name: 'explicit 1',
      code: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 10
`,
      errors: [{ path: 'spec.minReplicas', line: 9 }],
    },
    {
      name: 'unset defaults to 1 (located at spec)',
      code: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: StatefulSet, name: api }
  maxReplicas: 4
`,
      errors: [{ path: 'spec.minReplicas', line: 4 }],
    },
  ],
});
