import { defineCheck } from '../../define-check.js';
import { asArray, podLabels, podSpec } from '../../_lib/pod.js';
import { podAntiAffinityTerms, replicaCount, termSelectsOwnPods } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0075',
    slug: 'no-pod-anti-affinity',
    title: 'Replicated workload does not spread its pods across nodes',
    severity: 'low',
    category: 'placement',
    kinds: ['Deployment', 'StatefulSet'],
    description:
      "A Deployment or StatefulSet with more than one replica (explicit `spec.replicas`, or the maxReplicas of an HPA in the scan that targets it) has neither a pod anti-affinity term nor a topology spread constraint that selects its own pods. Terms whose labelSelector does not match the pod template's labels are reported too: they spread nothing.",
    rationale:
      'Replicas exist to survive the loss of a node. Without anti-affinity or topology spread constraints the scheduler is free to put every replica on the same node or zone, and one node failure or drain then takes the whole workload down despite its replica count.',
    remediation: `Add a preferred pod anti-affinity on the hostname (or a topology spread constraint) whose selector matches the pod template labels.

\`\`\`yaml
spec:
  template:
    metadata:
      labels: { app: web }
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels: { app: web }
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity',
      'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'no-anti-affinity', match: 'partial' }],
    messages: {
      missing: 'No pod anti-affinity or topology spread constraint: {{kind}} "{{name}}" runs {{replicas}} replicas that may all land on one node.',
      notSelf: 'Pod anti-affinity and topology spread terms of {{kind}} "{{name}}" do not select its own pods ({{labels}}), so its {{replicas}} replicas are not spread.',
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
          topologyKey: kubernetes.io/hostname
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
    const anti = podAntiAffinityTerms(pod.spec);
    const spread = asArray(pod.spec.topologySpreadConstraints);
    if ([...anti, ...spread].some((t) => termSelectsOwnPods(t, labels, obj.namespace))) return;
    const data = { kind: obj.kind, name: obj.name, replicas: rc.label };
    if (anti.length === 0 && spread.length === 0) {
      ctx.report({ path: [...pod.path, 'affinity', 'podAntiAffinity'], messageId: 'missing', data });
      return;
    }
    const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ') || 'no labels';
    const path = anti.length > 0 ? [...pod.path, 'affinity', 'podAntiAffinity'] : [...pod.path, 'topologySpreadConstraints'];
    ctx.report({ path, messageId: 'notSelf', data: { ...data, labels: shown } });
  },
});
