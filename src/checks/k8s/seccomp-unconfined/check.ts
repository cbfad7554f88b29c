import { defineCheck } from '../../define-check.js';
import { podAnnotations, podSeccomp, SECCOMP_CONTAINER_ANNOTATION_PREFIX, seccompFromAnnotation } from '../../_lib/host.js';
import { profileTypeFix, setFix } from '../../_lib/fix.js';
import { containers, getAt, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0011',
    slug: 'seccomp-unconfined',
    title: 'Seccomp is explicitly disabled (Unconfined)',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'The pod or a container sets `securityContext.seccompProfile.type: Unconfined`, or the legacy annotation `seccomp.security.alpha.kubernetes.io/pod` / `container.seccomp.security.alpha.kubernetes.io/<name>` is `unconfined` (an annotation counts only when the field at the same level is not set, since the field wins). A pod-level Unconfined is reported even when every container overrides it, as Pod Security admission does: containers added later, such as debug containers, inherit it.',
    rationale:
      'Turning seccomp off removes the system-call filter that blocks most kernel attack surface used in container escapes (`unshare`, `keyctl`, `bpf`, `add_key`, `ptrace`...). Pod Security Standards forbid an explicit Unconfined profile from the baseline level up.',
    remediation: `Use \`RuntimeDefault\`; if the runtime's default profile blocks a call the workload needs, write a \`Localhost\` profile that allows just that call.

\`\`\`yaml
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: example/app:1.0
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://kubernetes.io/docs/tutorials/security/seccomp/',
    ],
    standards: { pss: 'baseline', nsa: 'Pod security: use seccomp, AppArmor or SELinux' },
    peers: [{ tool: 'trivy', id: 'KSV104', match: 'partial' }],
    messages: {
      pod: 'Seccomp is disabled for the whole pod of {{kind}} "{{name}}" (Unconfined).',
      container: 'Container "{{container}}" disables seccomp (Unconfined).',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  securityContext:
    seccompProfile: { type: RuntimeDefault }
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
        seccompProfile: { type: Unconfined }
`,
    },
  },
  run(obj, ctx) {
    const pod = podSeccomp(obj);
    if (pod?.type === 'Unconfined') {
      const fix =
        pod.from === 'pod'
          ? profileTypeFix(obj.value, pod.path.slice(0, -1), 'RuntimeDefault', 'set the pod seccompProfile.type to RuntimeDefault')
          : setFix(obj.value, pod.path, 'runtime/default', 'set the pod seccomp annotation to runtime/default');
      ctx.report({ path: pod.path, messageId: 'pod', data: { kind: obj.kind, name: obj.name }, fix });
    }
    const ann = podAnnotations(obj);
    for (const c of containers(obj)) {
      const fieldPath = [...c.path, 'securityContext', 'seccompProfile', 'type'];
      const field = getAt(obj.value, fieldPath);
      if (typeof field === 'string') {
        if (field === 'Unconfined') {
          const fix = profileTypeFix(obj.value, fieldPath.slice(0, -1), 'RuntimeDefault', `set seccompProfile.type: RuntimeDefault in container "${c.name}"`);
          ctx.report({ path: fieldPath, messageId: 'container', data: { container: c.name }, fix });
        }
        continue;
      }
      const key = `${SECCOMP_CONTAINER_ANNOTATION_PREFIX}${c.name}`;
      if (seccompFromAnnotation(ann.annotations[key]) === 'Unconfined') {
        const path = [...ann.path, key];
        const fix = setFix(obj.value, path, 'runtime/default', `set the seccomp annotation of container "${c.name}" to runtime/default`);
        ctx.report({ path, messageId: 'container', data: { container: c.name }, fix });
      }
    }
  },
});
