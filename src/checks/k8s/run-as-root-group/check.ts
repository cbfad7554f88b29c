import { defineCheck } from '../../define-check.js';
import { isWindowsPod } from '../../_lib/capabilities.js';
import { asArray, asRecord, containers, podSpec, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0030',
    slug: 'run-as-root-group',
    title: 'Pod or container runs with the root group (GID 0)',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container sets `runAsGroup: 0`, or the pod securityContext sets `runAsGroup: 0` (reported once, naming the containers that inherit it; a pod-level value every container overrides is harmless and not reported), `fsGroup: 0`, or lists 0 in `supplementalGroups`. Pods with `spec.os.name: windows` are skipped.',
    rationale:
      'Group 0 owns or can write many files in base images and on the node (`/etc`, sockets, device nodes, some host paths). A process with GID 0, even under a non-root UID, gets every group permission meant for root; `fsGroup: 0` also makes mounted volumes group-owned by root.',
    remediation: `Use non-zero group IDs for \`runAsGroup\`, \`fsGroup\` and \`supplementalGroups\`.

\`\`\`yaml
spec:
  securityContext:
    runAsUser: 10001
    runAsGroup: 10001
    fsGroup: 10001
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-the-security-context-for-a-pod',
      'https://avd.aquasec.com/misconfig/ksv116',
    ],
    standards: { nsa: 'Non-root containers and rootless container engines' },
    peers: [{ tool: 'trivy', id: 'KSV116', match: 'same' }],
    messages: {
      container: 'Container "{{container}}" sets runAsGroup: 0 (the root group).',
      podRunAsGroup: 'Pod securityContext sets runAsGroup: 0 (the root group); inherited by {{containers}}.',
      fsGroup: 'Pod securityContext sets fsGroup: 0, so volumes are owned by the root group.',
      supplemental: 'Pod securityContext lists the root group (0) in supplementalGroups[{{index}}].',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  securityContext:
    runAsUser: 10001
    runAsGroup: 10001
    fsGroup: 10001
  containers:
    - name: app
      image: nginx:1.27
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: bad }
spec:
  securityContext:
    fsGroup: 0
  containers:
    - name: app
      image: nginx:1.27
`,
    },
  },
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (!pod || isWindowsPod(pod)) return;
    const psc = asRecord(pod.spec.securityContext);
    const scPath = [...pod.path, 'securityContext'];
    const all = containers(obj);
    const own = (c: (typeof all)[number]): unknown => asRecord(c.container.securityContext).runAsGroup;
    if (psc.runAsGroup === 0) {
      const inheriting = all.filter((c) => own(c) === undefined || own(c) === null).map((c) => `"${c.name}"`);
      if (inheriting.length > 0) ctx.report({ path: [...scPath, 'runAsGroup'], messageId: 'podRunAsGroup', data: { containers: inheriting.join(', ') } });
    }
    if (psc.fsGroup === 0) ctx.report({ path: [...scPath, 'fsGroup'], messageId: 'fsGroup' });
    asArray(psc.supplementalGroups).forEach((g, i) => {
      if (g === 0) ctx.report({ path: [...scPath, 'supplementalGroups', i], messageId: 'supplemental', data: { index: i } });
    });
    for (const c of all) {
      if (own(c) === 0) ctx.report({ path: [...c.path, 'securityContext', 'runAsGroup'], messageId: 'container', data: { container: c.name } });
    }
  },
});
