import { defineCheck } from '../../define-check.js';
import { asRecord } from '../../_lib/pod.js';
import { autoscalersFor, explicitReplicas, parseIntOrPercent, REPLICATED_KINDS, scaledValue, workloadsSelectedBy } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0078',
    slug: 'pdb-min-available-blocks-eviction',
    title: 'PodDisruptionBudget minAvailable leaves no pod evictable',
    severity: 'medium',
    category: 'reliability',
    kinds: ['PodDisruptionBudget'],
    description:
      'A PodDisruptionBudget sets `spec.minAvailable` to `"100%"`, or to a value that is not below the replica count of a Deployment, StatefulSet, ReplicaSet or ReplicationController it selects in the scan (same namespace, selector matching the pod template labels). The replica count is `spec.replicas`, or the minReplicas of an HPA in the scan when `replicas` is absent; workloads with neither are not compared. Percentages are rounded up, as the disruption controller does.',
    rationale:
      'When minAvailable equals the number of pods, the eviction API can never evict one of them: `kubectl drain`, cluster autoscaler scale-down and managed node upgrades hang on those nodes. Teams then bypass the budget with forced deletions, which removes the protection it was meant to give.',
    remediation: `Keep minAvailable below the replica count (or use maxUnavailable: 1), and run enough replicas to tolerate one disruption.

\`\`\`yaml
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2      # with 3 replicas
  selector:
    matchLabels: { app: web }
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/run-application/configure-pdb/#rounding-logic-when-specifying-percentages',
      'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/#pod-disruption-budgets',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'pdb-min-available', match: 'same' }],
    messages: {
      percent: 'minAvailable {{value}} of PodDisruptionBudget "{{name}}" keeps every selected pod: no voluntary eviction can succeed, so node drains block.',
      replicas:
        'PodDisruptionBudget "{{name}}" requires {{need}} available pod(s) (minAvailable {{value}}) but {{kind}} "{{workload}}" runs {{replicas}}: its pods can never be evicted voluntarily.',
    },
    examples: {
      good: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: ok }
spec:
  minAvailable: "50%"
  selector: { matchLabels: { app: web } }
`,
      bad: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: bad }
spec:
  minAvailable: "100%"
  selector: { matchLabels: { app: web } }
`,
    },
  },
  run(obj, ctx) {
    const spec = asRecord(obj.value.spec);
    const raw = spec.minAvailable;
    const min = parseIntOrPercent(raw);
    if (!min) return;
    const value = typeof raw === 'string' ? `"${raw}"` : String(raw);
    const path = ['spec', 'minAvailable'];
    if (min.kind === 'percent' && min.value >= 100) {
      ctx.report({ path, messageId: 'percent', data: { name: obj.name, value } });
      return;
    }
    for (const w of workloadsSelectedBy(ctx.index, obj.namespace, spec.selector, REPLICATED_KINDS)) {
      let replicas = explicitReplicas(w);
      let via = '';
      if (replicas === undefined) {
        const hpa = autoscalersFor(w, ctx.index)[0];
        if (!hpa) continue;
        const m = asRecord(hpa.value.spec).minReplicas;
        replicas = typeof m === 'number' && Number.isInteger(m) ? m : 1;
        via = ` (minReplicas of HorizontalPodAutoscaler ${hpa.name})`;
      }
      if (replicas <= 0) continue;
      const need = scaledValue(min, replicas);
      if (need < replicas) continue;
      ctx.report({ path, messageId: 'replicas', data: { name: obj.name, need, value, kind: w.kind, workload: w.name, replicas: `${replicas}${via}` } });
    }
  },
});
