import { defineCheck } from '../../define-check.js';
import { objectsForNamespaceObject, SYSTEM_NAMESPACES } from '../../_lib/network.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0088',
    slug: 'namespace-without-network-policy',
    title: 'Namespace has no NetworkPolicy',
    severity: 'medium',
    category: 'network',
    kinds: ['Namespace'],
    description:
      'A Namespace object is defined but the scan contains no NetworkPolicy for it. NetworkPolicies without a namespace count for every Namespace of the scan (kustomize, `helm --namespace` and `kubectl apply -n` place them), and kube-system, kube-public and kube-node-lease are skipped. The check only runs on Namespace objects, so scanning an application that does not create its namespace reports nothing.',
    rationale:
      'Without any NetworkPolicy every pod of the namespace accepts connections from, and can connect to, every pod of the cluster. One compromised workload can then reach databases, internal APIs and the cloud metadata service of every other team. A default-deny policy per namespace is the baseline the CIS Benchmark and the NSA/CISA hardening guide ask for.',
    remediation: `Ship a default-deny NetworkPolicy with the namespace, then allow the flows each workload needs.

\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: team-a
spec:
  podSelector: {}
  policyTypes: ["Ingress", "Egress"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
      'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
    ],
    standards: { cis: ['5.3.2'], nsa: 'Network separation and hardening' },
    peers: [],
    messages: { missing: 'Namespace "{{namespace}}" has no NetworkPolicy in the scan; its pods accept traffic from anywhere in the cluster.' },
    examples: {
      good: `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: team-a }
spec:
  podSelector: {}
  policyTypes: ["Ingress", "Egress"]
`,
      bad: `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
`,
    },
  },
  run(obj, ctx) {
    if (obj.name === '' || SYSTEM_NAMESPACES.has(obj.name)) return;
    if (objectsForNamespaceObject(ctx.index, obj.name, 'NetworkPolicy').length > 0) return;
    ctx.report({ path: ['metadata', 'name'], data: { namespace: obj.name } });
  },
});
