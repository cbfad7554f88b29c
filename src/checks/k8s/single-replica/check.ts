import { defineCheck } from '../../define-check.js';
import { autoscalersFor, explicitReplicas } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0074',
    slug: 'single-replica',
    title: 'Deployment or StatefulSet runs a single replica',
    severity: 'low',
    category: 'reliability',
    kinds: ['Deployment', 'StatefulSet'],
    description:
      'A Deployment or StatefulSet sets `spec.replicas: 1` explicitly and no HorizontalPodAutoscaler among the scanned objects manages it. When `replicas` is absent the object is not reported: the count is then usually owned by an autoscaler or by the deploy tooling, and `hpa-min-replicas-too-low` covers autoscaled workloads.',
    rationale:
      'With one replica every node drain, eviction, rollout of a StatefulSet, crash or OOM kill is an outage of the workload, and a PodDisruptionBudget cannot protect it without blocking node maintenance. Running at least two replicas (spread across nodes) keeps the service up through routine disruptions.',
    remediation: `Run at least two replicas (three for quorum-based systems), spread them across nodes, and protect them with a PodDisruptionBudget.

\`\`\`yaml
spec:
  replicas: 3
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas',
      'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/',
    ],
    standards: {},
    peers: [
      { tool: 'kube-linter', id: 'minimum-three-replicas', match: 'partial' },
      { tool: 'polaris', id: 'deploymentMissingReplicas', match: 'partial' },
    ],
    messages: { single: '{{kind}} "{{name}}" runs a single replica (spec.replicas: 1): any disruption takes it offline.' },
    examples: {
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: ok }
spec:
  replicas: 3
  selector: { matchLabels: { app: ok } }
  template:
    metadata: { labels: { app: ok } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: bad }
spec:
  replicas: 1
  selector: { matchLabels: { app: bad } }
  template:
    metadata: { labels: { app: bad } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    if (explicitReplicas(obj) !== 1) return;
    if (autoscalersFor(obj, ctx.index).length > 0) return;
    ctx.report({ path: ['spec', 'replicas'], data: { kind: obj.kind, name: obj.name } });
  },
});
