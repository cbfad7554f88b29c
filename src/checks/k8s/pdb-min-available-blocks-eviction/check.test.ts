import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

const deployment = (name: string, replicas: string, ns = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}${ns ? `, namespace: ${ns}` : ''} }
spec:${replicas ? `\n  replicas: ${replicas}` : ''}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name}, tier: web } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`;

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'minAvailable below the replica count; workload in another namespace ignored',
      code: `${deployment('web', '3')}---
${deployment('api', '2', 'other')}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web }
spec:
  minAvailable: 2
  selector: { matchLabels: { tier: web } }
`,
    },
    {
      name: 'replicas unknown (absent, no HPA) is not compared; 50% of 3 rounds up to 2',
      code: `${deployment('web', '')}---
${deployment('api', '3')}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: both }
spec:
  minAvailable: "50%"
  selector: { matchLabels: { tier: web } }
`,
    },
  ],
  invalid: [
    {
      name: '100%',
      code: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: all }
spec:
  minAvailable: 100%
  selector: { matchLabels: { app: web } }
`,
      errors: [{ path: 'spec.minAvailable', line: 5, messageId: 'percent' }],
    },
    {
      name: 'minAvailable equal to replicas, and 60% of one replica rounds up to 1',
      code: `${deployment('web', '2')}---
${deployment('solo', '1')}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: tier }
spec:
  minAvailable: 2
  selector: { matchLabels: { tier: web } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: solo }
spec:
  minAvailable: "60%"
  selector: { matchLabels: { app: solo } }
`,
      errors: [
        { path: 'spec.minAvailable', line: 27, messageId: 'replicas', resource: 'tier' },
        { path: 'spec.minAvailable', line: 27, messageId: 'replicas', resource: 'tier' },
        { path: 'spec.minAvailable', line: 34, messageId: 'replicas', resource: 'solo' },
      ],
    },
    {
      name: 'replicas from the HPA minReplicas',
      code: `${deployment('web', '')}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 5
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web }
spec:
  minAvailable: 1
  selector: { matchLabels: { app: web } }
`,
      errors: [{ path: 'spec.minAvailable', line: 22, messageId: 'replicas' }],
    },
  ],
});
