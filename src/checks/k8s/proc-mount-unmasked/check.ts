import { defineCheck } from '../../define-check.js';
import { setFix } from '../../_lib/fix.js';
import { containers, getAt, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0014',
    slug: 'proc-mount-unmasked',
    title: 'Container unmasks /proc (procMount other than Default)',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description: 'A container sets `securityContext.procMount` to a value other than `Default` (in practice `Unmasked`).',
    rationale:
      "By default the runtime masks and makes read-only the sensitive parts of `/proc` (`/proc/kcore`, `/proc/sysrq-trigger`, `/proc/sys`, ...). `Unmasked` removes that protection, exposing kernel memory, host-wide kernel parameters and triggers. It exists for nested-container tooling running in a user namespace (`hostUsers: false`), not for ordinary workloads. Pod Security Standards forbid it from the baseline level up.",
    remediation: `Remove \`procMount\` (it defaults to \`Default\`) or set it to \`Default\`.

\`\`\`yaml
spec:
  containers:
    - name: app
      image: example/app:1.0
      securityContext:
        procMount: Default
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://docs.kubelinter.io/#/generated/checks?id=unsafe-proc-mount',
    ],
    standards: { pss: 'baseline' },
    peers: [
      { tool: 'kube-linter', id: 'unsafe-proc-mount', match: 'same' },
      { tool: 'trivy', id: 'KSV027', match: 'partial' },
    ],
    messages: { procMount: 'Container "{{container}}" sets procMount "{{value}}", unmasking /proc.' },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { procMount: Default }
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  hostUsers: false
  containers:
    - name: app
      image: nginx:1.27
      securityContext: { procMount: Unmasked }
`,
    },
  },
  run(obj, ctx) {
    for (const c of containers(obj)) {
      const path = [...c.path, 'securityContext', 'procMount'];
      const v = getAt(obj.value, path);
      if (typeof v !== 'string' || v === 'Default') continue;
      ctx.report({ path, data: { container: c.name, value: v }, fix: setFix(obj.value, path, 'Default', `set procMount: Default in container "${c.name}"`) });
    }
  },
});
