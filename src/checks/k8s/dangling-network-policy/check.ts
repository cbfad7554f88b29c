import { defineCheck } from '../../define-check.js';
import { formatLabelSelector, isEmptySelector, isPlaceholder, normalizeNamespace, podBearingInNamespace, PodLabelView, selectorPairs, selectsOperatorPods } from '../../_lib/network.js';
import { asRecord } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0102',
    slug: 'dangling-network-policy',
    title: 'NetworkPolicy podSelector matches no workload in the scan',
    severity: 'low',
    category: 'cross-resource',
    kinds: ['NetworkPolicy'],
    description:
      "A NetworkPolicy's non-empty `spec.podSelector` matches no pod template of the scan in its namespace (unset and `default` are the same namespace). Labels that controllers add to pods count (`job-name`, `statefulset.kubernetes.io/pod-name`, …). Namespace-wide policies (`podSelector: {}`) are never reported. To stay quiet on partial scans, the check only reports when the scan contains at least one pod-bearing object in that namespace, and not when the selector points at pods an operator creates from a custom resource of the scan (a selector value is the name of a custom resource in the namespace, or a label key's domain is that of a custom resource's API group).",
    rationale:
      'A policy that selects no pod isolates nothing: the pods it was written for accept and open any connection, while reviewers believe they are locked down. The usual cause is a label renamed in the workload but not in the policy.',
    remediation: `Make the podSelector match the labels of the workload's pod template (or use \`podSelector: {}\` for a namespace-wide policy).

\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: web
  policyTypes: ["Ingress"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
      'https://docs.kubelinter.io/#/generated/checks?id=dangling-networkpolicy',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'dangling-networkpolicy', match: 'same' }],
    messages: {
      dangling: 'NetworkPolicy "{{name}}" selects pods {{selector}}, but no workload of namespace "{{namespace}}" in the scan has pods with these labels.',
    },
    examples: {
      good: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: ["Ingress"]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      bad: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: frontend } }
  policyTypes: ["Ingress"]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const selector = asRecord(obj.value.spec).podSelector;
    if (selector === undefined || selector === null || isEmptySelector(selector)) return;
    if (selectorPairs(selector).some(([k, v]) => isPlaceholder(k) || isPlaceholder(v))) return;
    const workloads = podBearingInNamespace(ctx.index, obj.namespace);
    if (workloads.length === 0) return;
    if (workloads.some((w) => PodLabelView.of(w).matchesSelector(selector))) return;
    if (selectsOperatorPods(ctx.index, obj.namespace, selectorPairs(selector))) return;
    ctx.report({
      path: ['spec', 'podSelector'],
      data: { name: obj.name, selector: formatLabelSelector(selector), namespace: normalizeNamespace(obj.namespace) },
    });
  },
});
