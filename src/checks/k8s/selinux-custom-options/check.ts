import type { DataPath } from '../../../core/location.js';
import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { podSecurityContext } from '../../_lib/host.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

/** SELinux types Pod Security Standards allow (container_engine_t since Kubernetes 1.31). */
const ALLOWED_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0013',
    slug: 'selinux-custom-options',
    title: 'Custom SELinux type, user or role is set',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A pod or container `securityContext.seLinuxOptions` sets a `type` other than `container_t`, `container_init_t`, `container_kvm_t` or `container_engine_t`, or sets a `user` or `role`. Setting `level` (the MCS categories) is allowed.',
    rationale:
      'The SELinux type decides what a container process may touch on the host. Types such as `spc_t` (super-privileged container) or `unconfined_t` switch SELinux confinement off, and custom users or roles can grant domains outside the container policy. Pod Security Standards forbid them from the baseline level up.',
    remediation: `Remove the custom \`type\`, \`user\` and \`role\`; keep \`level\` only if the workload needs specific MCS categories.

\`\`\`yaml
spec:
  securityContext:
    seLinuxOptions:
      level: "s0:c123,c456"
  containers:
    - name: app
      image: example/app:1.0
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container',
    ],
    standards: { pss: 'baseline', nsa: 'Pod security: use seccomp, AppArmor or SELinux' },
    peers: [{ tool: 'trivy', id: 'KSV025', match: 'same' }],
    messages: {
      type: 'SELinux type "{{value}}" in {{where}} is not one of container_t, container_init_t, container_kvm_t, container_engine_t.',
      user: 'SELinux user "{{value}}" in {{where}} is a custom SELinux user.',
      role: 'SELinux role "{{value}}" in {{where}} is a custom SELinux role.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  securityContext:
    seLinuxOptions: { level: "s0:c123,c456" }
  containers:
    - name: app
      image: nginx:1.27
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seLinuxOptions: { type: spc_t }
`,
    },
  },
  run(obj, ctx) {
    const check = (sc: unknown, scPath: DataPath, where: string): void => {
      if (!isRecord(sc) || !isRecord(sc.seLinuxOptions)) return;
      const o = sc.seLinuxOptions;
      const base = [...scPath, 'seLinuxOptions'];
      if (typeof o.type === 'string' && o.type !== '' && !ALLOWED_TYPES.has(o.type))
        ctx.report({ path: [...base, 'type'], messageId: 'type', data: { value: o.type, where } });
      for (const field of ['user', 'role'] as const) {
        const v = o[field];
        if (typeof v === 'string' && v !== '') ctx.report({ path: [...base, field], messageId: field, data: { value: v, where } });
      }
    };
    const psc = podSecurityContext(obj);
    if (!psc) return;
    check(psc.sc, psc.path, 'the pod securityContext');
    for (const c of containers(obj)) check(c.container.securityContext, [...c.path, 'securityContext'], `container "${c.name}"`);
  },
});
