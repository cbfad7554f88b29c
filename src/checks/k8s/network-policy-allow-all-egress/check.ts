import { defineCheck } from '../../define-check.js';
import { openRules } from '../../_lib/network.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0091',
    slug: 'network-policy-allow-all-egress',
    title: 'NetworkPolicy egress rule allows traffic to any destination',
    severity: 'low',
    category: 'network',
    kinds: ['NetworkPolicy'],
    description:
      'An egress rule of a NetworkPolicy admits every destination: it has no `to` (an empty rule `{}`), or one of its peers is `ipBlock: 0.0.0.0/0` / `::/0` (even with `except`), or `namespaceSelector: {}` with no or an empty podSelector. A rule limited to DNS (every port is 53, or a port named dns/dns-tcp/dns-udp) is fine and not reported; other port limits are reported with the open ports in the message. Egress rules of a policy whose `policyTypes` leaves out Egress are ignored, as Kubernetes ignores them.',
    rationale:
      'Unrestricted egress lets a compromised pod download tooling, reach the cloud metadata endpoint, scan the cluster and exfiltrate data. Because policies are additive, one allow-all egress rule undoes every egress restriction that selects the same pods.',
    remediation: `Allow DNS and the specific destinations the workload talks to instead of everything.

\`\`\`yaml
egress:
  - to:
      - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }
        podSelector: { matchLabels: { k8s-app: kube-dns } }
    ports:
      - { port: 53, protocol: UDP }
      - { port: 53, protocol: TCP }
  - to:
      - podSelector: { matchLabels: { app: db } }
    ports:
      - port: 5432
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-egress-traffic',
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
    ],
    standards: { nsa: 'Network separation and hardening' },
    peers: [],
    messages: {
      open: 'Egress rule #{{rule}} allows {{peer}} on {{ports}}.',
    },
    examples: {
      good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: ["Egress"]
  egress:
    - ports:
        - { port: 53, protocol: UDP }
        - { port: 53, protocol: TCP }
    - to:
        - podSelector: { matchLabels: { app: db } }
      ports: [{ port: 5432 }]
`,
      bad: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: ["Egress"]
  egress:
    - to:
        - ipBlock: { cidr: 0.0.0.0/0 }
`,
    },
  },
  run(obj, ctx) {
    for (const r of openRules(obj, 'egress')) {
      if (r.dnsOnly) continue;
      ctx.report({ path: r.path, data: { rule: r.rule, peer: r.peer, ports: r.ports } });
    }
  },
});
