import { defineCheck } from '../../define-check.js';
import { reportLowIds } from '../../_lib/ids.js';
import { POD_KINDS } from '../../_lib/pod.js';

const MIN_UID = 10000;

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0031',
    slug: 'low-user-id',
    title: 'Container runs with a UID below 10000, or leaves the UID to the image',
    severity: 'low',
    category: 'pod-security',
    kinds: [...POD_KINDS],
    description:
      'A container\'s effective `runAsUser` (its own, else the pod\'s) is below 10000, or is not set at all, in which case the image\'s USER decides. UID 0 is left to run-as-root-user (PAL-K8S-0029). Like Checkov CKV_K8S_40 and Trivy KSV020, an unset UID is reported, because it usually means a low, image-defined UID; 10000 itself passes (Checkov\'s boundary; Trivy also rejects exactly 10000). A pod-level value is reported once, naming the containers that inherit it. Pods with `spec.os.name: windows` are skipped.',
    rationale:
      'Low UIDs are the ones that exist on nodes: system accounts and the first human users. A process that escapes its container keeps its UID and can then read and write whatever that host account owns. UIDs of 10000 and above are unlikely to collide with host users.',
    remediation: `Set \`runAsUser\` to 10000 or more, in the pod securityContext or in each container.

\`\`\`yaml
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    runAsGroup: 10001
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-the-security-context-for-a-pod',
      'https://avd.aquasec.com/misconfig/ksv020',
    ],
    standards: {},
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_40', match: 'same' },
      { tool: 'trivy', id: 'KSV020', match: 'partial' },
    ],
    messages: {
      low: 'Container "{{container}}" runs as UID {{uid}}, below 10000.',
      podLow: 'Pod securityContext sets runAsUser: {{uid}} (below 10000); inherited by {{containers}}.',
      notSet: 'Container "{{container}}" does not set runAsUser, so the image decides its UID; set one of 10000 or more.',
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
        runAsUser: 1000
`,
    },
  },
  run(obj, ctx) {
    reportLowIds(obj, ctx, 'runAsUser', MIN_UID, 'uid');
  },
});
