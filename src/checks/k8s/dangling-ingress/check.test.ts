import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'no Service in the namespace: partial scan, not reported',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop, namespace: shop }
spec:
  defaultBackend:
    service: { name: web, port: { number: 80 } }
`,
    },
    {
      name: 'ALB action backend and resource backend are not Services; old serviceName form resolves',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: alb
  annotations:
    alb.ingress.kubernetes.io/actions.ssl-redirect: '{"Type":"redirect"}'
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: ssl-redirect, port: { name: use-annotation } }
          - path: /static
            pathType: Prefix
            backend:
              resource: { apiGroup: k8s.example.com, kind: StorageBucket, name: static }
          - path: /api
            pathType: Prefix
            backend:
              service: { name: api, port: { number: 80 } }
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: { name: legacy, namespace: default }
spec:
  backend: { serviceName: api, servicePort: 80 }
---
apiVersion: v1
kind: Service
metadata: { name: api }
spec:
  selector: { app: api }
  ports: [{ port: 80 }]
`,
    },
    {
      name: 'Service created by an operator from a custom resource of the scan',
      code: `apiVersion: ceph.rook.io/v1
kind: CephCluster
metadata: { name: rook-ceph, namespace: rook-ceph }
spec: {}
---
apiVersion: v1
kind: Service
metadata: { name: rook-ceph-operator-metrics, namespace: rook-ceph }
spec:
  ports: [{ port: 8080 }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: dashboard, namespace: rook-ceph }
spec:
  defaultBackend:
    service: { name: rook-ceph-mgr-dashboard, port: { number: 8443 } }
`,
    },
  ],
  invalid: [
    {
      name: 'one missing Service referenced twice is reported once; present one is fine',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: web, port: { number: 80 } }
          - path: /cart
            pathType: Prefix
            backend:
              service:
                name: cart
                port: { number: 80 }
    - host: m.shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: cart, port: { number: 80 } }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`,
      errors: [{ path: 'spec.rules[0].http.paths[1].backend.service.name', line: 17 }],
    },
    {
      name: 'legacy default backend in a List, Service in another namespace',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: networking.k8s.io/v1beta1
    kind: Ingress
    metadata: { name: legacy, namespace: shop }
    spec:
      backend:
        serviceName: web
        servicePort: 80
  - apiVersion: v1
    kind: Service
    metadata: { name: web, namespace: staging }
    spec:
      ports: [{ port: 80 }]
  - apiVersion: v1
    kind: Service
    metadata: { name: api, namespace: shop }
    spec:
      ports: [{ port: 80 }]
`,
      errors: [{ path: 'spec.backend.serviceName', line: 9, resource: 'legacy' }],
    },
  ],
});
