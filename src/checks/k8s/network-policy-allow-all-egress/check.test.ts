import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'DNS-only egress to anywhere is fine (port number and named port)',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: dns }
spec:
  podSelector: {}
  policyTypes: ["Egress"]
  egress:
    - to:
        - namespaceSelector: {}
      ports:
        - { port: 53, protocol: UDP }
        - { port: dns-tcp, protocol: TCP }
`,
    },
    {
      name: 'egress rules ignored without Egress in policyTypes',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: ingress-only }
spec:
  podSelector: {}
  policyTypes: ["Ingress"]
  egress:
    - {}
`,
    },
    {
      name: 'egress to a labelled namespace and a private CIDR',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
  egress:
    - to:
        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: db } }
        - ipBlock: { cidr: 10.20.0.0/16 }
`,
    },
  ],
  invalid: [
    {
      name: 'allow-all egress with default policyTypes (egress rules present)',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-all-egress }
spec:
  podSelector: {}
  egress:
    - {}
`,
      errors: [{ path: 'spec.egress[0]', line: 7 }],
    },
    {
      name: 'DNS plus HTTPS to 0.0.0.0/0 is not DNS-only; port range beyond 53 neither',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: ["Ingress", "Egress"]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except: [169.254.169.254/32]
      ports:
        - { port: 53, protocol: UDP }
        - { port: 443, protocol: TCP }
    - ports:
        - { port: 53, endPort: 1024, protocol: UDP }
`,
      errors: [
        { path: 'spec.egress[0].to[0].ipBlock.cidr', line: 10 },
        { path: 'spec.egress[1]', line: 15 },
      ],
    },
  ],
});
