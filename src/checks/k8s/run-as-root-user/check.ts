import { defineCheck } from '../../define-check.js';
import { isWindowsPod } from '../../_lib/capabilities.js';
import { asRecord, containers, podSpec, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0029',
    slug: 'run-as-root-user',
    title: 'runAsUser is set to 0 (root)',
    severity: 'high',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container or the pod securityContext sets `runAsUser: 0`. A container-level 0 is reported per container. A pod-level 0 is reported once, naming the containers that inherit it; it is reported even when every container overrides it, because the Pod Security Standards restricted level rejects the pod-level value regardless. Pods with `spec.os.name: windows` are skipped (the field cannot be set there).',
    rationale:
      'UID 0 is root: inside the container it can rewrite the image, read every mounted secret and volume regardless of file ownership, and it is root on the node after any runtime or kernel escape. Combined with `runAsNonRoot: true` the kubelet refuses to start the container, so such a manifest is broken as well as unsafe.',
    remediation: `Set \`runAsUser\` to a non-zero UID (or leave it unset and use an image with a non-root USER) at pod and container level.

\`\`\`yaml
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-the-security-context-for-a-pod',
      'https://avd.aquasec.com/misconfig/ksv105',
    ],
    standards: { pss: 'restricted', cis: ['5.2.6'], nsa: 'Non-root containers and rootless container engines' },
    peers: [
      { tool: 'trivy', id: 'KSV105', match: 'same' },
      { tool: 'checkov', id: 'CKV_K8S_23', match: 'partial' },
      { tool: 'kube-linter', id: 'run-as-non-root', match: 'partial' },
    ],
    messages: {
      container: 'Container "{{container}}" sets runAsUser: 0 and runs as root.',
      podInherited: 'Pod securityContext sets runAsUser: 0; inherited by {{containers}}, which run as root.',
      podOverridden: 'Pod securityContext sets runAsUser: 0; every container overrides it, but the restricted level rejects it anyway.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  securityContext:
    runAsUser: 10001
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
        runAsUser: 0
`,
    },
  },
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (!pod || isWindowsPod(pod)) return;
    const all = containers(obj);
    const own = (c: (typeof all)[number]): unknown => asRecord(c.container.securityContext).runAsUser;
    if (asRecord(pod.spec.securityContext).runAsUser === 0) {
      const inheriting = all.filter((c) => own(c) === undefined || own(c) === null).map((c) => `"${c.name}"`);
      const path = [...pod.path, 'securityContext', 'runAsUser'];
      if (inheriting.length > 0) ctx.report({ path, messageId: 'podInherited', data: { containers: inheriting.join(', ') } });
      else ctx.report({ path, messageId: 'podOverridden' });
    }
    for (const c of all) {
      if (own(c) === 0) ctx.report({ path: [...c.path, 'securityContext', 'runAsUser'], messageId: 'container', data: { container: c.name } });
    }
  },
});
