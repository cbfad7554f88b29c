import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'every host listed; tls entry without hosts covers all',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  tls:
    - hosts: [shop.example.com, API.example.com]
      secretName: shop-tls
  rules:
    - host: shop.example.com
    - host: api.example.com
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: default-cert }
spec:
  tls:
    - secretName: default-tls
  rules:
    - host: anything.example.org
`,
    },
    {
      name: 'TLS terminated by annotation (AWS ALB, GKE managed certificate)',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: alb
  annotations:
    alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS":443}]'
spec:
  ingressClassName: alb
  rules:
    - host: shop.example.com
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: gke
  annotations:
    networking.gke.io/managed-certificates: shop-cert
spec:
  defaultBackend:
    service: { name: web, port: { number: 80 } }
`,
    },
    {
      name: 'Ingress with neither rules nor default backend',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: empty }
spec:
  ingressClassName: nginx
`,
    },
  ],
  invalid: [
    {
      name: 'no tls at all, with default backend only',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: catch-all
spec:
  defaultBackend:
    service: { name: web, port: { number: 80 } }
`,
      errors: [{ path: 'spec.tls', line: 5, messageId: 'noTls' }],
    },
    {
      name: 'wildcard covers one label only; second host not listed',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop }
spec:
  tls:
    - hosts: ["*.example.com"]
      secretName: wildcard
  rules:
    - host: shop.example.com
    - host: a.b.example.com
    - host: example.com
    - http:
        paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }]
`,
      errors: [
        { path: 'spec.rules[1].host', line: 10, messageId: 'hostNotCovered' },
        { path: 'spec.rules[2].host', line: 11, messageId: 'hostNotCovered' },
      ],
    },
    {
      name: 'traefik router.tls "false" does not count',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: traefik
  annotations:
    traefik.ingress.kubernetes.io/router.tls: "false"
spec:
  rules:
    - host: shop.example.com
`,
      errors: [{ path: 'spec.tls', line: 7, messageId: 'noTls' }],
    },
  ],
});
