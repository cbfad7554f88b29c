import { isRecord } from '../../../parsers/k8s-yaml/index.js';
import { defineCheck } from '../../define-check.js';
import { podSecurityContext } from '../../_lib/host.js';
import { containers, POD_KINDS } from '../../_lib/pod.js';

function isEmpty(sc: Record<string, unknown>): boolean {
  return Object.values(sc).every((v) => v === null || v === undefined);
}

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0019',
    slug: 'security-context-missing',
    title: 'Container has no securityContext, and neither has its pod',
    severity: 'low',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container (init, app or ephemeral) has no `securityContext` (or an empty one) while the pod spec has no `securityContext` either, so the container runs with every runtime default: as the image\'s user (often root), with privilege escalation allowed, the default capability set, a writable root filesystem and no seccomp profile.',
    rationale:
      'An absent security context is the clearest sign that nobody hardened the workload; every individual hardening check will fire on it. A pod-level securityContext (runAsNonRoot, seccompProfile, fsGroup) or a container-level one (allowPrivilegeEscalation, capabilities, readOnlyRootFilesystem) is the place to opt in to safer defaults. CIS recommends applying security contexts to pods and containers.',
    remediation: `Add a pod-level and a container-level securityContext that follow the restricted Pod Security Standard.

\`\`\`yaml
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: example/app:1.0
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: ["ALL"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
    ],
    standards: { cis: ['5.7.3'] },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_29', match: 'partial' },
      { tool: 'checkov', id: 'CKV_K8S_30', match: 'partial' },
    ],
    messages: { missing: 'Container "{{container}}" has no securityContext and its pod has none either.' },
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
    const psc = podSecurityContext(obj);
    if (!psc || !isEmpty(psc.sc)) return;
    for (const c of containers(obj)) {
      const sc = c.container.securityContext;
      if (isRecord(sc) && !isEmpty(sc)) continue;
      ctx.report({ path: [...c.path, 'securityContext'], data: { container: c.name } });
    }
  },
});
