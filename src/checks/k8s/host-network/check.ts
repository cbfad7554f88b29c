import { defineCheck } from '../../define-check.js';
import { setFix } from '../../_lib/fix.js';
import { podSpec, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0002',
    slug: 'host-network',
    title: "Pod shares the host's network namespace",
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description: 'The pod spec sets `hostNetwork: true`, so its containers use the node\'s network stack instead of their own.',
    rationale:
      "With the host's network namespace a container can bind any port on the node, reach services listening only on the node's loopback (the kubelet's read-only port, local agents, cloud metadata proxies), sniff or spoof traffic of other pods on the node and bypass NetworkPolicies and service-mesh mTLS. Pod Security Standards forbid host namespaces from the baseline level up.",
    remediation: `Remove \`hostNetwork: true\` (it defaults to false) and expose the workload through a Service; if a node-level agent really needs it, run it in a dedicated namespace with a privileged Pod Security level and waive this check for it.

\`\`\`yaml
spec:
  hostNetwork: false
  containers:
    - name: app
      image: example/app:1.0
      ports:
        - containerPort: 8080
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
      'https://docs.kubelinter.io/#/generated/checks?id=host-network',
    ],
    standards: { pss: 'baseline', cis: ['5.2.4'], nsa: 'Pod security: do not share host namespaces' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_19', match: 'same' },
      { tool: 'trivy', id: 'KSV009', match: 'same' },
      { tool: 'kube-linter', id: 'host-network', match: 'same' },
      { tool: 'polaris', id: 'hostNetworkSet', match: 'same' },
    ],
    messages: { hostNetwork: '{{kind}} "{{name}}" shares the host network namespace (hostNetwork: true).' },
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
  hostNetwork: true
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (pod?.spec.hostNetwork !== true) return;
    const path = [...pod.path, 'hostNetwork'];
    ctx.report({ path, data: { kind: obj.kind, name: obj.name }, fix: setFix(obj.value, path, false, 'set hostNetwork: false') });
  },
});
