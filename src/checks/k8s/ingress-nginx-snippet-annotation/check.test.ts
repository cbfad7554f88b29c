import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'regular ingress-nginx annotations and an empty snippet',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /$2
    nginx.ingress.kubernetes.io/auth-url: https://auth.example.com/oauth2/auth
    nginx.ingress.kubernetes.io/server-snippet: ""
spec:
  rules:
    - host: web.example.com
`,
    },
    {
      name: 'snippet-like key of another controller / not an Ingress-nginx prefix',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    example.com/server-snippet: "return 200;"
    nginx.ingress.kubernetes.io/snippet-docs: "see wiki"
spec:
  rules:
    - host: web.example.com
`,
    },
  ],
  invalid: [
    {
      name: 'server and configuration snippets are each reported',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/server-snippet: |
      location /metrics { deny all; }
    nginx.ingress.kubernetes.io/ssl-redirect: "true"
    nginx.ingress.kubernetes.io/configuration-snippet: |
      more_set_headers "X-Frame-Options: DENY";
spec:
  rules:
    - host: web.example.com
`,
      errors: [
        { path: 'metadata.annotations["nginx.ingress.kubernetes.io/server-snippet"]', line: 6 },
        { path: 'metadata.annotations["nginx.ingress.kubernetes.io/configuration-snippet"]', line: 9 },
      ],
    },
    {
      name: 'auth-snippet, and NGINX Inc location-snippets, in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata:
      name: auth
      annotations:
        nginx.ingress.kubernetes.io/auth-snippet: "proxy_set_header X-User $remote_user;"
        nginx.org/location-snippets: "add_header X-Debug 1;"
    spec:
      rules:
        - host: auth.example.com
`,
      errors: [
        { path: 'metadata.annotations["nginx.ingress.kubernetes.io/auth-snippet"]', line: 9, resource: 'auth' },
        { path: 'metadata.annotations["nginx.org/location-snippets"]', line: 10, resource: 'auth' },
      ],
    },
  ],
});
