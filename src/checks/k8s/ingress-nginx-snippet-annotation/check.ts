import { defineCheck } from '../../define-check.js';

/**
 * ingress-nginx: `nginx.ingress.kubernetes.io/<x>-snippet` (configuration-, server-, auth-, stream-, modsecurity-snippet);
 * F5 NGINX Ingress Controller: `nginx.org/<x>-snippets` (server-, location-snippets). Both paste the value verbatim
 * into nginx.conf.
 */
const SNIPPET = /^(nginx\.ingress\.kubernetes\.io\/[a-z0-9-]+-snippet|nginx\.org\/[a-z0-9-]+-snippets)$/;

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0096',
    slug: 'ingress-nginx-snippet-annotation',
    title: 'Ingress injects raw NGINX configuration through a snippet annotation',
    severity: 'high',
    category: 'network',
    kinds: ['Ingress'],
    description:
      'An Ingress carries an NGINX snippet annotation: ingress-nginx `nginx.ingress.kubernetes.io/configuration-snippet`, `server-snippet`, `auth-snippet`, `stream-snippet`, `modsecurity-snippet` (any `*-snippet`), or the F5 NGINX Ingress Controller `nginx.org/server-snippets` / `location-snippets`. Each annotation with a non-empty value is reported.',
    rationale:
      'Snippets are pasted verbatim into the configuration of the shared ingress controller, which in a default install can read every Secret of the cluster. Whoever may create an Ingress can therefore read other tenants\' certificates and service-account tokens or run code in the controller (CVE-2021-25742; the 2025 "IngressNightmare" family such as CVE-2025-1974 chains the same configuration injection). ingress-nginx disables snippets by default since v1.9 and rates them Critical risk; manifests that depend on them block that hardening.',
    remediation: `Replace the snippet with the dedicated annotation or controller setting for what it does (headers, rewrites, auth), and keep \`allow-snippet-annotations\` off in the controller.

\`\`\`yaml
metadata:
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /$2
    nginx.ingress.kubernetes.io/auth-url: "https://auth.example.com/oauth2/auth"
\`\`\``,
    references: [
      'https://github.com/kubernetes/ingress-nginx/issues/7837',
      'https://github.com/kubernetes/kubernetes/issues/131009',
      'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations-risk/',
      'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/#allow-snippet-annotations',
    ],
    standards: {},
    peers: [{ tool: 'checkov', id: 'CKV_K8S_153', match: 'same' }],
    messages: { snippet: 'Annotation "{{annotation}}" injects raw configuration into the shared NGINX ingress controller.' },
    examples: {
      good: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/ssl-redirect: "true"
spec:
  ingressClassName: nginx
  rules:
    - host: web.example.com
`,
      bad: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/configuration-snippet: |
      more_set_headers "X-Frame-Options: DENY";
spec:
  ingressClassName: nginx
  rules:
    - host: web.example.com
`,
    },
  },
  run(obj, ctx) {
    for (const [key, value] of Object.entries(obj.annotations)) {
      if (!SNIPPET.test(key) || value.trim() === '') continue;
      ctx.report({ path: ['metadata', 'annotations', key], data: { annotation: key } });
    }
  },
});
