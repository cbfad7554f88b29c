import { defineCheck } from '../../define-check.js';
import { capabilityList, PSS_BASELINE_CAPABILITIES } from '../../_lib/capabilities.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0023',
    slug: 'added-capabilities',
    title: 'Container adds capabilities beyond the Pod Security Standards baseline set',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container lists a Linux capability in `securityContext.capabilities.add` that is not in the Pod Security Standards baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). Names are compared the way container runtimes read them: case-insensitive, with or without the `CAP_` prefix. `ALL` is reported too.',
    rationale:
      'Capabilities outside the default set (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, BPF, NET_RAW, …) hand the container pieces of root on the node: mounting file systems, reconfiguring the network, tracing other processes or loading kernel modules. The baseline level of the Pod Security Standards rejects them.',
    remediation: `Remove the capability from \`capabilities.add\`; if the process truly needs it, run it in a dedicated, isolated workload and document why. Start from dropping everything and add back only what is needed.

\`\`\`yaml
securityContext:
  capabilities:
    drop: ["ALL"]
    add: ["NET_BIND_SERVICE"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
      'https://avd.aquasec.com/misconfig/ksv022',
    ],
    standards: { pss: 'baseline', cis: ['5.2.8'], nsa: 'Restrict Linux capabilities' },
    peers: [
      { tool: 'trivy', id: 'KSV022', match: 'partial' },
      { tool: 'checkov', id: 'CKV_K8S_25', match: 'partial' },
    ],
    messages: {
      added: 'Container "{{container}}" adds capability {{capability}}, which is outside the Pod Security Standards baseline set.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: ["ALL"]
          add: ["NET_BIND_SERVICE", "CHOWN"]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        capabilities:
          add: ["NET_ADMIN"]
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      for (const cap of capabilityList(c, 'add')) {
        if (!PSS_BASELINE_CAPABILITIES.has(cap.name)) ctx.report({ path: cap.path, data: { container: c.name, capability: cap.raw } });
      }
    }
  },
});
