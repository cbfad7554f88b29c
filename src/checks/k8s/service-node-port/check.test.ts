import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'explicit ClusterIP and headless',
      code: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: ClusterIP
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: db }
spec:
  clusterIP: None
  selector: { app: db }
  ports: [{ port: 5432 }]
`,
    },
    {
      name: 'LoadBalancer and ExternalName are other checks',
      code: `apiVersion: v1
kind: Service
metadata: { name: lb }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: ext }
spec:
  type: ExternalName
  externalName: db.example.com
`,
    },
  ],
  invalid: [
    {
      name: 'NodePort with allocated port',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  type: NodePort
  ports:
    - port: 80
      targetPort: 8080
`,
      errors: [{ path: 'spec.type', line: 8, resource: 'web' }],
    },
    {
      name: 'NodePort inside a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: debug }
    spec:
      type: NodePort
      ports: [{ port: 22, nodePort: 30022 }]
`,
      errors: [{ path: 'spec.type', line: 8, resource: 'debug' }],
    },
  ],
});
