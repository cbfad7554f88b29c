import { defineCheck } from '../../define-check.js';
import { reportLowIds } from '../../_lib/ids.js';
import { POD_KINDS } from '../../_lib/pod.js';

const MIN_GID = 10000;

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0032',
    slug: 'low-group-id',
    title: 'Container runs with a GID below 10000, or leaves the GID to the image',
    severity: 'low',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container\'s effective `runAsGroup` (its own, else the pod\'s) is below 10000, or is not set at all, in which case the primary group comes from the image (often GID 0). GID 0 is left to run-as-root-group (PAL-K8S-0030). Like Trivy KSV021, an unset GID is reported; 10000 itself passes (Trivy also rejects exactly 10000). A pod-level value is reported once, naming the containers that inherit it. Pods with `spec.os.name: windows` are skipped.',
    rationale:
      'Low GIDs are the groups that exist on nodes (adm, disk, docker, wheel, …). A process that escapes its container keeps its groups and gets whatever access that host group has. When only runAsUser is set, runtimes fall back to the image\'s group for that user or to GID 0.',
    remediation: `Set \`runAsGroup\` to 10000 or more, in the pod securityContext or in each container.

\`\`\`yaml
spec:
  securityContext:
    runAsUser: 10001
    runAsGroup: 10001
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-the-security-context-for-a-pod',
      'https://avd.aquasec.com/misconfig/ksv021',
    ],
    standards: {},
    peers: [{ tool: 'trivy', id: 'KSV021', match: 'partial' }],
    messages: {
      low: 'Container "{{container}}" runs with GID {{gid}}, below 10000.',
      podLow: 'Pod securityContext sets runAsGroup: {{gid}} (below 10000); inherited by {{containers}}.',
      notSet: 'Container "{{container}}" does not set runAsGroup, so the image decides its primary GID; set one of 10000 or more.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  securityContext:
    runAsUser: 10001
    runAsGroup: 10001
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
        runAsGroup: 1000
`,
    },
  },
  run(obj, ctx) {
    reportLowIds(obj, ctx, 'runAsGroup', MIN_GID, 'gid');
  },
});
