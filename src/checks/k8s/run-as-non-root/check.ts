import { defineCheck } from '../../define-check.js';
import { setFix } from '../../_lib/fix.js';
import { containers, effective, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0028',
    slug: 'run-as-non-root',
    title: 'Container is not required to run as a non-root user',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container\'s effective `runAsNonRoot` (its own value, else the pod securityContext\'s) is not true, and its effective `runAsUser` is not a non-zero UID either. Either setting keeps the process from running as UID 0: `runAsNonRoot: true` makes the kubelet refuse to start a container whose user is root, a non-zero `runAsUser` overrides the image\'s user. The Pod Security Standards restricted level itself asks for `runAsNonRoot: true`; this check, like its peers, also accepts a non-zero `runAsUser`.',
    rationale:
      'Many images still run as root by default. Root inside a container is root on the node as far as files on mounted volumes and any kernel or runtime escape are concerned; a non-root user removes a whole class of escalation paths.',
    remediation: `Set \`runAsNonRoot: true\` in the pod securityContext (inherited by every container) and, if the image has no numeric non-root USER, a non-zero \`runAsUser\` as well. Do not override it with \`runAsNonRoot: false\` in a container.

\`\`\`yaml
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-the-security-context-for-a-pod',
      'https://docs.kubelinter.io/#/generated/checks',
    ],
    standards: { pss: 'restricted', cis: ['5.2.6'], nsa: 'Non-root containers and rootless container engines' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_23', match: 'same' },
      { tool: 'kube-linter', id: 'run-as-non-root', match: 'same' },
      { tool: 'polaris', id: 'runAsRootAllowed', match: 'same' },
      { tool: 'trivy', id: 'KSV012', match: 'partial' },
    ],
    messages: {
      notSet: 'Container "{{container}}" may run as root: runAsNonRoot is not true and runAsUser is not a non-zero UID.',
      explicitFalse: 'Container "{{container}}" has runAsNonRoot: false (set in the {{from}} securityContext) and no non-zero runAsUser.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  securityContext:
    runAsNonRoot: true
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
    for (const c of containers(obj)) {
      const nonRoot = effective(c, 'runAsNonRoot');
      if (nonRoot.value === true) continue;
      const user = effective(c, 'runAsUser');
      if (typeof user.value === 'number' && Number.isInteger(user.value) && user.value > 0) continue;
      // On the container, so it wins over a pod-level false and touches no sibling; no runAsUser: which UID an image
      // can run as is the image's business, and the kubelet refuses to start a root image loudly rather than silently.
      const fixPath = [...c.path, 'securityContext', 'runAsNonRoot'];
      // An explicit runAsUser: 0 asks for root: runAsNonRoot: true next to it would keep the container from starting.
      const fix = user.value === 0 ? undefined : setFix(obj.value, fixPath, true, `set runAsNonRoot: true in container "${c.name}"`);
      if (nonRoot.value === false) ctx.report({ path: nonRoot.path, messageId: 'explicitFalse', data: { container: c.name, from: nonRoot.from }, fix });
      else ctx.report({ path: nonRoot.path, messageId: 'notSet', data: { container: c.name }, fix });
    }
  },
});
