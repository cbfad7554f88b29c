import { defineCheck } from '../../define-check.js';
import { objectsInNamespace, PodLabelView } from '../../_lib/network.js';
import { asRecord } from '../../_lib/pod.js';

function count(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0108',
    slug: 'pod-disruption-budget-missing',
    title: 'Replicated workload has no PodDisruptionBudget',
    severity: 'info',
    category: 'reliability',
    kinds: ['Deployment', 'StatefulSet'],
    description:
      "A Deployment or StatefulSet runs at least 2 replicas (`spec.replicas`, or the `minReplicas` of a HorizontalPodAutoscaler of the scan that targets it, whichever is larger) and no PodDisruptionBudget of the scan in its namespace (unset and `default` are the same namespace) selects its pods. Off by default: budgets are often managed separately from application manifests, and the check cannot see those.",
    rationale:
      'Node drains, cluster upgrades and autoscaler scale-downs evict pods through the eviction API, which only holds back when a PodDisruptionBudget says so. Without one, every replica can be evicted at once and the service goes down during routine maintenance even though it runs several replicas.',
    remediation: `Add a PodDisruptionBudget that selects the pods and keeps enough of them available.

\`\`\`yaml
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: web
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
      'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/',
      'https://github.com/FairwindsOps/polaris/blob/master/checks/missingPodDisruptionBudget.yaml',
    ],
    standards: {},
    peers: [{ tool: 'polaris', id: 'missingPodDisruptionBudget', match: 'partial' }],
    defaultEnabled: false,
    messages: {
      missing: '{{kind}} "{{name}}" runs {{replicas}} replicas but no PodDisruptionBudget in the scan selects its pods.',
    },
    examples: {
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web }
spec:
  maxUnavailable: 1
  selector: { matchLabels: { app: web } }
`,
      bad: `apiVersion: apps/v1
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
    const replicas = count(asRecord(obj.value.spec).replicas);
    const hpaMin = objectsInNamespace(ctx.index, obj.namespace, 'HorizontalPodAutoscaler')
      .map((h) => asRecord(h.value.spec))
      .filter((s) => {
        const ref = asRecord(s.scaleTargetRef);
        return ref.kind === obj.kind && ref.name === obj.name;
      })
      .map((s) => count(s.minReplicas) ?? 1);
    const effective = Math.max(replicas ?? 1, ...hpaMin);
    if (effective < 2) return;
    const pods = PodLabelView.of(obj);
    const covered = objectsInNamespace(ctx.index, obj.namespace, 'PodDisruptionBudget').some((pdb) => {
      const selector = asRecord(pdb.value.spec).selector;
      return selector !== undefined && selector !== null && pods.matchesSelector(selector);
    });
    if (covered) return;
    ctx.report({ path: ['spec', 'replicas'], data: { kind: obj.kind, name: obj.name, replicas: effective } });
  },
});
