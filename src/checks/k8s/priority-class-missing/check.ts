import { defineCheck } from '../../define-check.js';
import { podSpec, POD_KINDS } from '../../_lib/pod.js';
import { isSet } from '../../_lib/workload.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0080',
    slug: 'priority-class-missing',
    title: 'Pod has no priorityClassName',
    severity: 'info',
    category: 'reliability',
    kinds: [...POD_KINDS],
    defaultEnabled: false,
    description: 'The pod spec of a workload sets no `priorityClassName`.',
    rationale:
      'Pods without a priority class get the global default priority (usually 0). When a cluster is full, the scheduler preempts lower-priority pods to place higher-priority ones, and the kubelet weighs priority when it evicts under node pressure; critical services without a class compete on equal terms with batch jobs. The check is opt-in because priority classes are cluster-specific and many clusters define a sensible global default.',
    remediation: `Create PriorityClasses that reflect your service tiers and reference one from each workload.

\`\`\`yaml
spec:
  template:
    spec:
      priorityClassName: business-critical
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/',
      'https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/#pod-selection-for-kubelet-eviction',
    ],
    standards: {},
    peers: [{ tool: 'polaris', id: 'priorityClassNotSet', match: 'same' }],
    messages: { missing: '{{kind}} "{{name}}" sets no priorityClassName; its pods get the cluster default priority.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  priorityClassName: business-critical
  containers: [{ name: app, image: nginx:1.27 }]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (!pod || isSet(pod.spec.priorityClassName)) return;
    ctx.report({ path: [...pod.path, 'priorityClassName'], data: { kind: obj.kind, name: obj.name } });
  },
});
