import { defineCheck } from '../../define-check.js';
import { setFix } from '../../_lib/fix.js';
import { podSpec, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0004',
    slug: 'host-ipc',
    title: "Pod shares the host's IPC namespace",
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description: 'The pod spec sets `hostIPC: true`, so its containers share System V IPC objects and POSIX message queues with the node.',
    rationale:
      "In the host's IPC namespace a container can read and write the shared memory segments, semaphores and message queues of every process on the node, leaking or corrupting data of other workloads and host daemons. Pod Security Standards forbid host namespaces from the baseline level up.",
    remediation: `Remove \`hostIPC: true\` (it defaults to false). Containers of the same pod already share an IPC namespace, so this is rarely needed.

\`\`\`yaml
spec:
  hostIPC: false
  containers:
    - name: app
      image: example/app:1.0
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://docs.kubelinter.io/#/generated/checks?id=host-ipc',
    ],
    standards: { pss: 'baseline', cis: ['5.2.3'], nsa: 'Pod security: do not share host namespaces' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_18', match: 'same' },
      { tool: 'trivy', id: 'KSV008', match: 'same' },
      { tool: 'kube-linter', id: 'host-ipc', match: 'same' },
      { tool: 'polaris', id: 'hostIPCSet', match: 'same' },
    ],
    messages: { hostIPC: '{{kind}} "{{name}}" shares the host IPC namespace (hostIPC: true).' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  hostIPC: true
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (pod?.spec.hostIPC !== true) return;
    const path = [...pod.path, 'hostIPC'];
    ctx.report({ path, data: { kind: obj.kind, name: obj.name }, fix: setFix(obj.value, path, false, 'set hostIPC: false') });
  },
});
