import { defineCheck } from '../../define-check.js';
import { capabilityList } from '../../_lib/capabilities.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0024',
    slug: 'sys-admin-capability',
    title: 'Container adds the SYS_ADMIN capability (or ALL capabilities)',
    severity: 'critical',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container lists `SYS_ADMIN` (in any case, with or without `CAP_`) or `ALL` in `securityContext.capabilities.add`.',
    rationale:
      'CAP_SYS_ADMIN is "the new root": it allows mounting file systems, manipulating namespaces, using many privileged ioctls and is the capability behind most container escapes. Adding `ALL` grants it along with every other capability. A container with SYS_ADMIN also always allows privilege escalation.',
    remediation: `Remove \`SYS_ADMIN\` and \`ALL\` from \`capabilities.add\` and add back only the specific capabilities the process needs. Workloads that mount file systems usually need a CSI driver or a volume instead.

\`\`\`yaml
securityContext:
  allowPrivilegeEscalation: false
  capabilities:
    drop: ["ALL"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://avd.aquasec.com/misconfig/ksv005',
    ],
    standards: { pss: 'baseline', nsa: 'Restrict Linux capabilities' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_39', match: 'same' },
      { tool: 'trivy', id: 'KSV005', match: 'same' },
      { tool: 'polaris', id: 'dangerousCapabilities', match: 'partial' },
    ],
    messages: {
      sysAdmin: 'Container "{{container}}" adds capability {{capability}} (CAP_SYS_ADMIN), which is close to full root on the node.',
      all: 'Container "{{container}}" adds ALL capabilities, including CAP_SYS_ADMIN.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: ["ALL"]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          add: ["SYS_ADMIN"]
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      for (const cap of capabilityList(c, 'add')) {
        if (cap.name === 'SYS_ADMIN') ctx.report({ path: cap.path, messageId: 'sysAdmin', data: { container: c.name, capability: cap.raw } });
        else if (cap.name === 'ALL') ctx.report({ path: cap.path, messageId: 'all', data: { container: c.name } });
      }
    }
  },
});
