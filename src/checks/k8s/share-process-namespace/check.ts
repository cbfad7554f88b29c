import { defineCheck } from '../../define-check.js';
import { setFix } from '../../_lib/fix.js';
import { podSpec, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0018',
    slug: 'share-process-namespace',
    title: 'Containers of the pod share one process namespace',
    severity: 'low',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description: 'The pod spec sets `shareProcessNamespace: true`, putting all its containers in a single PID namespace.',
    rationale:
      "With a shared process namespace every container sees the others' processes, can signal them and, with the same UID or CAP_SYS_PTRACE, read their memory, environment and filesystem through `/proc/<pid>/root`: a compromised sidecar reaches the secrets of the main container and vice versa. It is meant for debugging and a few sidecar patterns; outside those, keep containers isolated.",
    remediation: `Remove \`shareProcessNamespace: true\` (it defaults to false); for ad-hoc debugging use \`kubectl debug --target=<container>\` with an ephemeral container instead.

\`\`\`yaml
spec:
  shareProcessNamespace: false
  containers:
    - name: app
      image: example/app:1.0
    - name: proxy
      image: example/proxy:1.0
\`\`\``,
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/'],
    standards: {},
    peers: [],
    messages: { share: '{{kind}} "{{name}}" shares one process namespace between its containers (shareProcessNamespace: true).' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
    - name: proxy
      image: envoyproxy/envoy:v1.31.0
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  shareProcessNamespace: true
  containers:
    - name: app
      image: nginx:1.27
    - name: proxy
      image: envoyproxy/envoy:v1.31.0
`,
    },
  },
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (pod?.spec.shareProcessNamespace !== true) return;
    const path = [...pod.path, 'shareProcessNamespace'];
    ctx.report({ path, data: { kind: obj.kind, name: obj.name }, fix: setFix(obj.value, path, false, 'set shareProcessNamespace: false') });
  },
});
