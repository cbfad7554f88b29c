import { defineCheck } from '../../define-check.js';
import { isWindowsPod } from '../../_lib/capabilities.js';
import { setFix } from '../../_lib/fix.js';
import { asRecord, containers, POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0033',
    slug: 'read-only-root-filesystem',
    title: 'Container root filesystem is writable',
    severity: 'medium',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container does not set `securityContext.readOnlyRootFilesystem: true` (a container-only field; it defaults to false). Init and ephemeral containers are included. Pods with `spec.os.name: windows` are skipped: the field cannot be set there.',
    rationale:
      'A writable root filesystem lets an intruder drop tools and binaries, modify the application or its configuration, and persist changes for the container\'s lifetime. With a read-only root, writes go only to volumes you chose to mount (an `emptyDir` for /tmp or a cache), which are easy to reason about and to restrict.',
    remediation: `Set \`readOnlyRootFilesystem: true\` and mount an \`emptyDir\` where the application needs to write.

\`\`\`yaml
containers:
  - name: app
    securityContext:
      readOnlyRootFilesystem: true
    volumeMounts:
      - { name: tmp, mountPath: /tmp }
volumes:
  - name: tmp
    emptyDir: {}
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://docs.kubelinter.io/#/generated/checks',
      'https://avd.aquasec.com/misconfig/ksv014',
    ],
    standards: { nsa: 'Immutable container file systems' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_22', match: 'same' },
      { tool: 'trivy', id: 'KSV014', match: 'same' },
      { tool: 'kube-linter', id: 'no-read-only-root-fs', match: 'same' },
      { tool: 'polaris', id: 'notReadOnlyRootFilesystem', match: 'same' },
    ],
    messages: {
      notSet: 'Container "{{container}}" does not set readOnlyRootFilesystem: true, so its root filesystem is writable.',
      explicitFalse: 'Container "{{container}}" sets readOnlyRootFilesystem: false.',
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
        readOnlyRootFilesystem: true
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
      if (isWindowsPod(c.pod)) return;
      const value = asRecord(c.container.securityContext).readOnlyRootFilesystem;
      if (value === true) continue;
      const path = [...c.path, 'securityContext', 'readOnlyRootFilesystem'];
      const fix = setFix(obj.value, path, true, `set readOnlyRootFilesystem: true in container "${c.name}"`);
      ctx.report({ path, messageId: value === false ? 'explicitFalse' : 'notSet', data: { container: c.name }, fix });
    }
  },
});
