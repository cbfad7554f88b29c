import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    {
      name: 'same-namespace podSelector {} is not "any source"; default deny has no rules',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: same-namespace }
spec:
  podSelector: {}
  ingress:
    - from:
        - podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny }
spec:
  podSelector: {}
  policyTypes: ["Ingress", "Egress"]
`,
    },
    {
      name: 'ingress rules ignored when policyTypes is Egress only',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: egress-only }
spec:
  podSelector: {}
  policyTypes: ["Egress"]
  ingress:
    - {}
  egress:
    - to:
        - podSelector: { matchLabels: { app: db } }
`,
    },
    {
      name: 'namespaceSelector with labels and private CIDR',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress:
    - from:
        - namespaceSelector: { matchLabels: { team: edge } }
        - namespaceSelector: {}
          podSelector: { matchLabels: { app: prometheus } }
        - ipBlock: { cidr: 10.0.0.0/8 }
`,
    },
  ],
  invalid: [
    {
      name: 'rule without from, and an ipBlock ::/0 with except',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress:
    - ports:
        - port: 8080
    - from:
        - podSelector: { matchLabels: { app: gateway } }
        - ipBlock:
            cidr: ::/0
            except: ["fd00::/8"]
`,
      errors: [
        { path: 'spec.ingress[0]', line: 7 },
        { path: 'spec.ingress[1].from[1].ipBlock.cidr', line: 12 },
      ],
    },
    {
      name: 'namespaceSelector {} with empty podSelector, in a List',
      code: `apiVersion: v1
kind: List
items:
  - apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: { name: cluster-wide }
    spec:
      podSelector: { matchLabels: { app: api } }
      policyTypes: ["Ingress"]
      ingress:
        - from:
            - namespaceSelector: {}
              podSelector: { matchLabels: {} }
`,
      errors: [{ path: 'spec.ingress[0].from[0].namespaceSelector', line: 12, resource: 'cluster-wide' }],
    },
  ],
});
