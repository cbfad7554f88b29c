import { defineCheck } from '../../define-check.js';
import { formatLabelSelector, isEmptySelector, isPlaceholder, normalizeNamespace, podBearingInNamespace, PodLabelView, selectorPairs, selectsOperatorPods } from '../../_lib/network.js';
import { asRecord } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0100',
    slug: 'dangling-pod-disruption-budget',
    title: 'PodDisruptionBudget selects no workload in the scan',
    severity: 'low',
    category: 'cross-resource',
    kinds: ['PodDisruptionBudget'],
    description:
      "A PodDisruptionBudget's `spec.selector` matches no pod template of the scan in its namespace (unset and `default` are the same namespace). Labels that controllers add to pods count (`job-name`, `statefulset.kubernetes.io/pod-name`, …). A missing or empty selector is skipped. To stay quiet on partial scans, the check only reports when the scan contains at least one pod-bearing object in that namespace, and not when the selector points at pods an operator creates from a custom resource of the scan (a selector value is the name of a custom resource in the namespace, or a label key's domain is that of a custom resource's API group); budgets for other operator-managed pods must be suppressed.",
    rationale:
      'A budget that selects nothing protects nothing: node drains and cluster upgrades evict the real pods all at once, while the manifest suggests they are protected. The usual cause is a label renamed in the workload but not in the budget.',
    remediation: `Make the selector match the labels of the workload's pod template.

\`\`\`yaml
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: web
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/run-application/configure-pdb/#specifying-a-poddisruptionbudget',
      'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/',
    ],
    standards: {},
    peers: [],
    messages: {
      dangling: 'PodDisruptionBudget "{{name}}" selects {{selector}}, but no workload of namespace "{{namespace}}" in the scan has pods with these labels.',
    },
    examples: {
      good: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web }
spec:
  minAvailable: 1
  selector: { matchLabels: { app: web } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
      bad: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web }
spec:
  minAvailable: 1
  selector: { matchLabels: { app: frontend } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const selector = asRecord(obj.value.spec).selector;
    if (selector === undefined || selector === null || isEmptySelector(selector)) return;
    if (selectorPairs(selector).some(([k, v]) => isPlaceholder(k) || isPlaceholder(v))) return;
    const workloads = podBearingInNamespace(ctx.index, obj.namespace);
    if (workloads.length === 0) return;
    if (workloads.some((w) => PodLabelView.of(w).matchesSelector(selector))) return;
    if (selectsOperatorPods(ctx.index, obj.namespace, selectorPairs(selector))) return;
    ctx.report({
      path: ['spec', 'selector'],
      data: { name: obj.name, selector: formatLabelSelector(selector), namespace: normalizeNamespace(obj.namespace) },
    });
  },
});
