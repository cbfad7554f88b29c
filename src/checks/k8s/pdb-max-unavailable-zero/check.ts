import { defineCheck } from '../../define-check.js';
import { asRecord } from '../../_lib/pod.js';
import { parseIntOrPercent } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0077',
    slug: 'pdb-max-unavailable-zero',
    title: 'PodDisruptionBudget allows no disruption (maxUnavailable 0)',
    severity: 'medium',
    category: 'reliability',
    kinds: ['PodDisruptionBudget'],
    description: 'A PodDisruptionBudget sets `spec.maxUnavailable` to `0` or `"0%"`.',
    rationale:
      'With maxUnavailable 0 the eviction API refuses to evict any pod the budget selects. `kubectl drain`, cluster autoscaler scale-down and managed node upgrades then hang or fail on those nodes, so security patches to nodes stall, or operators learn to bypass the budget with forced deletions.',
    remediation: `Allow at least one pod to be disrupted at a time, and run enough replicas to absorb it.

\`\`\`yaml
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1
  selector:
    matchLabels: { app: web }
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
      'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/#pod-disruption-budgets',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'pdb-max-unavailable', match: 'same' }],
    messages: {
      zero: 'PodDisruptionBudget "{{name}}" sets maxUnavailable to {{value}}: none of its pods can be evicted, so node drains block.',
    },
    examples: {
      good: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: ok }
spec:
  maxUnavailable: 1
  selector: { matchLabels: { app: web } }
`,
      bad: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: bad }
spec:
  maxUnavailable: 0
  selector: { matchLabels: { app: web } }
`,
    },
  },
  run(obj, ctx) {
    const raw = asRecord(obj.value.spec).maxUnavailable;
    const v = parseIntOrPercent(raw);
    if (!v || v.value !== 0) return;
    ctx.report({ path: ['spec', 'maxUnavailable'], data: { name: obj.name, value: typeof raw === 'string' ? `"${raw}"` : String(raw) } });
  },
});
