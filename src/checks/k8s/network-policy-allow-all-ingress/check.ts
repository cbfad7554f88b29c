import { defineCheck } from '../../define-check.js';
import { openRules } from '../../_lib/network.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0090',
    slug: 'network-policy-allow-all-ingress',
    title: 'NetworkPolicy ingress rule allows traffic from any source',
    severity: 'medium',
    category: 'network',
    kinds: ['NetworkPolicy'],
    description:
      'An ingress rule of a NetworkPolicy admits every source: it has no `from` (an empty rule `{}`), or one of its peers is `ipBlock: 0.0.0.0/0` / `::/0` (even with `except`), or `namespaceSelector: {}` with no or an empty podSelector (every pod of every namespace). A `podSelector: {}` peer alone (every pod of the same namespace) is not reported. Rules are reported whether or not they restrict ports, and the message says which ports are open. Ingress rules of a policy whose `policyTypes` leaves out Ingress are ignored, as Kubernetes ignores them.',
    rationale:
      'Policies are additive: one rule that admits everything cancels the isolation every other policy selecting the same pods provides. `ingress: [{}]` is the documented "allow all" policy and is often left over from debugging; a 0.0.0.0/0 block opens the pods to the internet wherever the node or load balancer is reachable.',
    remediation: `Name the clients that may connect: pods by label, namespaces by label, or the narrowest CIDR that is really needed.

\`\`\`yaml
ingress:
  - from:
      - namespaceSelector:
          matchLabels: { kubernetes.io/metadata.name: ingress-nginx }
        podSelector:
          matchLabels: { app.kubernetes.io/name: ingress-nginx }
    ports:
      - port: 8080
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic',
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
    ],
    standards: { nsa: 'Network separation and hardening' },
    peers: [],
    messages: {
      open: 'Ingress rule #{{rule}} admits {{peer}} on {{ports}}.',
    },
    examples: {
      good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress:
    - from:
        - podSelector: { matchLabels: { app: gateway } }
      ports: [{ port: 8080 }]
`,
      bad: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-all }
spec:
  podSelector: {}
  ingress:
    - {}
`,
    },
  },
  run(obj, ctx) {
    for (const r of openRules(obj, 'ingress')) {
      ctx.report({ path: r.path, data: { rule: r.rule, peer: r.peer, ports: r.ports } });
    }
  },
});
