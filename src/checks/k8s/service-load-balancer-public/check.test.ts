import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'internal annotations of several clouds',
      code: `apiVersion: v1
kind: Service
metadata:
  name: aws-legacy
  annotations: { service.beta.kubernetes.io/aws-load-balancer-internal: "0.0.0.0/0" }
spec: { type: LoadBalancer, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata:
  name: aws-lbc
  annotations: { service.beta.kubernetes.io/aws-load-balancer-scheme: internal }
spec: { type: LoadBalancer, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata:
  name: gke
  annotations: { networking.gke.io/load-balancer-type: "Internal" }
spec: { type: LoadBalancer, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata:
  name: gke-legacy
  annotations: { cloud.google.com/load-balancer-type: "internal" }
spec: { type: LoadBalancer, ports: [{ port: 80 }] }
`,
    },
    {
      name: 'restricted source ranges (field and legacy annotation)',
      code: `apiVersion: v1
kind: Service
metadata: { name: office-only }
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: ["203.0.113.0/24", "2001:db8::/32"]
  ports: [{ port: 443 }]
---
apiVersion: v1
kind: Service
metadata:
  name: legacy-ranges
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 192.168.0.0/16"
spec:
  type: LoadBalancer
  ports: [{ port: 443 }]
`,
    },
    {
      name: 'not a LoadBalancer',
      code: `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`,
    },
  ],
  invalid: [
    {
      name: 'public LB; azure internal annotation set to "false" does not count',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "false"
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 80 }]
`,
      errors: [{ path: 'spec.type', line: 8, messageId: 'public' }],
    },
    {
      name: 'source ranges that include everything',
      code: `apiVersion: v1
kind: Service
metadata: { name: api }
spec:
  type: LoadBalancer
  loadBalancerSourceRanges:
    - 10.0.0.0/8
    - 0.0.0.0/0
  ports: [{ port: 443 }]
---
apiVersion: v1
kind: Service
metadata:
  name: legacy
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,::/0"
spec:
  type: LoadBalancer
  ports: [{ port: 443 }]
`,
      errors: [
        { path: 'spec.loadBalancerSourceRanges[1]', line: 8, messageId: 'openRange', resource: 'api' },
        { path: 'metadata.annotations["service.beta.kubernetes.io/load-balancer-source-ranges"]', line: 16, messageId: 'openRange', resource: 'legacy' },
      ],
    },
  ],
});
