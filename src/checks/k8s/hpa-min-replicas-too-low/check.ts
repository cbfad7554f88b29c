import { defineCheck } from '../../define-check.js';
import { asRecord } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0079',
    slug: 'hpa-min-replicas-too-low',
    title: 'HorizontalPodAutoscaler can scale down to one replica',
    severity: 'low',
    category: 'reliability',
    kinds: ['HorizontalPodAutoscaler'],
    description:
      'A HorizontalPodAutoscaler sets `spec.minReplicas` to 1, or leaves it unset (it defaults to 1). `minReplicas: 0` is not reported: scale-to-zero is a deliberate choice that needs a feature gate.',
    rationale:
      'At low load the autoscaler shrinks the workload to its minimum. With a minimum of one, quiet hours run on a single pod, and any node drain, eviction or crash during that time is an outage; a PodDisruptionBudget cannot help without blocking node maintenance.',
    remediation: `Keep at least two replicas at all times (three for quorum-based systems).

\`\`\`yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 10
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/',
      'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/',
    ],
    standards: {},
    peers: [
      { tool: 'kube-linter', id: 'hpa-minimum-three-replicas', match: 'partial' },
      { tool: 'polaris', id: 'hpaMinAvailability', match: 'partial' },
    ],
    messages: { single: 'HorizontalPodAutoscaler "{{name}}" may scale {{target}} down to a single replica (minReplicas {{value}}).' },
    examples: {
      good: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: ok }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 10
`,
      bad: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: bad }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  maxReplicas: 10
`,
    },
  },
  run(obj, ctx) {
    const spec = asRecord(obj.value.spec);
    const min = spec.minReplicas;
    let value: string;
    if (min === undefined || min === null) value = 'unset, defaults to 1';
    else if (min === 1) value = '1';
    else return;
    const ref = asRecord(spec.scaleTargetRef);
    const target = typeof ref.kind === 'string' && typeof ref.name === 'string' ? `${ref.kind} "${ref.name}"` : 'its target';
    ctx.report({ path: ['spec', 'minReplicas'], data: { name: obj.name, target, value } });
  },
});
