import { defineCheck } from '../../define-check.js';
import { setFix } from '../../_lib/fix.js';
import { containers, effective, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0001',
    slug: 'privileged-container',
    title: 'Container runs in privileged mode',
    severity: 'critical',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description: 'A container sets `securityContext.privileged: true`.',
    rationale:
      'A privileged container has every Linux capability and access to all host devices; a process that escapes it owns the node. Pod Security Standards forbid it from the baseline level up.',
    remediation: `Remove \`privileged: true\` (or set it to false) and grant only the capabilities the process really needs.

\`\`\`yaml
securityContext:
  privileged: false
  allowPrivilegeEscalation: false
  capabilities:
    drop: ["ALL"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
    ],
    standards: { pss: 'baseline', cis: ['5.2.1'], nsa: 'Non-root containers and rootless container engines' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_16', match: 'same' },
      { tool: 'trivy', id: 'KSV017', match: 'same' },
      { tool: 'kube-linter', id: 'privileged-container', match: 'same' },
      { tool: 'polaris', id: 'privilegeEscalationAllowed', match: 'partial' },
    ],
    messages: { privileged: 'Container "{{container}}" runs privileged.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { privileged: false }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { privileged: true }
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      const p = effective(c, 'privileged');
      if (p.from === 'container' && p.value === true) {
        ctx.report({ path: p.path, data: { container: c.name }, fix: setFix(obj.value, p.path, false, `set privileged: false in container "${c.name}"`) });
      }
    }
  },
});
