import { defineCheck } from '../../define-check.js';
import { effectiveSeccomp, isWindowsPod } from '../../_lib/host.js';
import { profileTypeFix } from '../../_lib/fix.js';
import { containers, podSpec, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0010',
    slug: 'seccomp-profile-missing',
    title: 'Container runs without a seccomp profile (RuntimeDefault or Localhost)',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      "A container's effective seccomp profile is neither `RuntimeDefault` nor `Localhost`: neither its own `securityContext.seccompProfile` nor the pod's sets one (the legacy annotations `seccomp.security.alpha.kubernetes.io/pod` and `container.seccomp.security.alpha.kubernetes.io/<name>` with `runtime/default`, `docker/default` or `localhost/<profile>` are accepted too). A container-level profile overrides the pod's. Pods with `spec.os.name: windows` are exempt, as in Pod Security Standards. An explicit `Unconfined` is reported by `seccomp-unconfined` instead.",
    rationale:
      "Without a profile the kubelet runs containers `Unconfined` by default, leaving the whole kernel system-call surface reachable: many container escapes go through rarely needed calls (`unshare`, `keyctl`, `bpf`, `ptrace`) that the runtime's default profile blocks at almost no compatibility cost. Pod Security Standards require RuntimeDefault or Localhost at the restricted level. The annotations were removed in Kubernetes 1.27, so prefer the field.",
    remediation: `Set \`seccompProfile.type: RuntimeDefault\` in the pod's securityContext so every container inherits it (or \`Localhost\` with a \`localhostProfile\` for a custom profile).

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
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tutorials/security/seccomp/',
    ],
    standards: { pss: 'restricted', cis: ['5.7.2'], nsa: 'Pod security: use seccomp, AppArmor or SELinux' },
    peers: [
      { tool: 'trivy', id: 'KSV030', match: 'same' },
      { tool: 'checkov', id: 'CKV_K8S_31', match: 'partial' },
    ],
    messages: {
      missing: 'Container "{{container}}" has no seccomp profile; set seccompProfile.type RuntimeDefault on the pod or the container.',
      invalid: 'Seccomp profile "{{value}}" of container "{{container}}" is neither RuntimeDefault nor Localhost.',
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
`,
    },
  },
  run(obj, ctx) {
    if (isWindowsPod(obj)) return;
    for (const c of containers(obj)) {
      const s = effectiveSeccomp(obj, c);
      if (s.type === 'RuntimeDefault' || s.type === 'Localhost' || s.type === 'Unconfined') continue;
      if (s.type === undefined) {
        // Pod level: one profile covers every container, and a container with a profile of its own keeps it.
        const pod = podSpec(obj)!;
        const fix = profileTypeFix(obj.value, [...pod.path, 'securityContext', 'seccompProfile'], 'RuntimeDefault', 'set seccompProfile.type: RuntimeDefault in the pod securityContext');
        ctx.report({ path: s.path, messageId: 'missing', data: { container: c.name }, fix });
      } else {
        // A field with a misspelt type is rejected by the API server anyway; a legacy annotation is left to its owner.
        const fix =
          s.from === 'container' || s.from === 'pod'
            ? profileTypeFix(obj.value, s.path.slice(0, -1), 'RuntimeDefault', `set seccompProfile.type: RuntimeDefault (was "${s.type}")`)
            : undefined;
        ctx.report({ path: s.path, messageId: 'invalid', data: { container: c.name, value: s.type }, fix });
      }
    }
  },
});
