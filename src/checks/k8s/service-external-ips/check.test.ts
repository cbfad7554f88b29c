import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'empty externalIPs list',
      code: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
  externalIPs: []
`,
    },
    {
      name: 'LoadBalancer status ingress is not spec.externalIPs',
      code: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 80 }]
status:
  loadBalancer:
    ingress: [{ ip: 203.0.113.7 }]
`,
    },
  ],
  invalid: [
    {
      name: 'ClusterIP Service claiming an external address',
      code: `apiVersion: v1
kind: Service
metadata:
  name: evil
spec:
  selector:
    app: evil
  ports:
    - port: 80
  externalIPs:
    - 23.185.0.3
    - 10.0.0.53
`,
      errors: [{ path: 'spec.externalIPs', line: 10, resource: 'evil' }],
    },
    {
      name: 'NodePort with externalIPs in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: legacy }
    spec:
      type: NodePort
      externalIPs: ["192.0.2.1"]
      ports: [{ port: 80 }]
`,
      errors: [{ path: 'spec.externalIPs', line: 9, resource: 'legacy' }],
    },
  ],
});
