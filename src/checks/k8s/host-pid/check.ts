import { defineCheck } from '../../define-check.js';
import { setFix } from '../../_lib/fix.js';
import { podSpec, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0003',
    slug: 'host-pid',
    title: "Pod shares the host's process ID namespace",
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description: "The pod spec sets `hostPID: true`, so its containers see every process on the node.",
    rationale:
      "In the host's PID namespace a container can list every process on the node, read their command lines and environment variables (often holding credentials), and, with ptrace or a privileged context, signal, trace or enter them (for example `nsenter -t 1` into the host). Pod Security Standards forbid host namespaces from the baseline level up.",
    remediation: `Remove \`hostPID: true\` (it defaults to false). To share processes between the containers of one pod use \`shareProcessNamespace\` instead, which does not expose the node.

\`\`\`yaml
spec:
  hostPID: false
  containers:
    - name: app
      image: example/app:1.0
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://docs.kubelinter.io/#/generated/checks?id=host-pid',
    ],
    standards: { pss: 'baseline', cis: ['5.2.2'], nsa: 'Pod security: do not share host namespaces' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_17', match: 'same' },
      { tool: 'trivy', id: 'KSV010', match: 'same' },
      { tool: 'kube-linter', id: 'host-pid', match: 'same' },
      { tool: 'polaris', id: 'hostPIDSet', match: 'same' },
    ],
    messages: { hostPID: '{{kind}} "{{name}}" shares the host process ID namespace (hostPID: true).' },
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
  hostPID: true
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (pod?.spec.hostPID !== true) return;
    const path = [...pod.path, 'hostPID'];
    ctx.report({ path, data: { kind: obj.kind, name: obj.name }, fix: setFix(obj.value, path, false, 'set hostPID: false') });
  },
});
