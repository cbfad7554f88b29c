import { defineCheck } from '../../define-check.js';
import { asArray, podLabels, podSpec } from '../../_lib/pod.js';
import { replicaCount, termSelectsOwnPods } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0087',
    slug: 'topology-spread-missing',
    title: 'Replicated workload has no topology spread constraint',
    severity: 'info',
    category: 'placement',
    kinds: ['Deployment', 'StatefulSet'],
    defaultEnabled: false,
    description:
      'A Deployment or StatefulSet with more than one replica (explicit `spec.replicas`, or the maxReplicas of an HPA in the scan that targets it) has no `topologySpreadConstraints` entry that selects its own pods.',
    rationale:
      'Topology spread constraints are the way to keep replicas balanced across nodes and zones, so that losing a node or a zone leaves enough replicas running. The check is opt-in and informational: the default kube-scheduler configuration already applies soft spreading by hostname and zone, and `no-pod-anti-affinity` covers the node-level risk; enable it where you want spreading to be explicit in every manifest.',
    remediation: `Add a topology spread constraint over zones (and optionally hostnames) whose selector matches the pod template labels.

\`\`\`yaml
spec:
  template:
    metadata:
      labels: { app: web }
    spec:
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels: { app: web }
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
      'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/#internal-default-constraints',
    ],
    standards: {},
    peers: [{ tool: 'polaris', id: 'topologySpreadConstraint', match: 'partial' }],
    messages: {
      missing: 'No topology spread constraint: {{kind}} "{{name}}" runs {{replicas}} replicas without explicit spreading across nodes or zones.',
      notSelf: 'Topology spread constraints of {{kind}} "{{name}}" do not select its own pods ({{labels}}), so its {{replicas}} replicas are not spread.',
    },
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
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector: { matchLabels: { app: ok } }
      containers: [{ name: app, image: nginx:1.27 }]
`,
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: bad }
spec:
  replicas: 3
  selector: { matchLabels: { app: bad } }
  template:
    metadata: { labels: { app: bad } }
    spec:
      containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const rc = replicaCount(obj, ctx.index);
    const pod = podSpec(obj);
    if (!rc || rc.count < 2 || !pod) return;
    const labels = podLabels(obj);
    const spread = asArray(pod.spec.topologySpreadConstraints);
    if (spread.some((t) => termSelectsOwnPods(t, labels, obj.namespace))) return;
    const data = { kind: obj.kind, name: obj.name, replicas: rc.label };
    const path = [...pod.path, 'topologySpreadConstraints'];
    if (spread.length === 0) {
      ctx.report({ path, messageId: 'missing', data });
      return;
    }
    const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') || 'no labels';
    ctx.report({ path, messageId: 'notSelf', data: { ...data, labels: shown } });
  },
});
