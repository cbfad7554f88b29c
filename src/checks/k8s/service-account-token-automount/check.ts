import { defineCheck } from '../../define-check.js';
import { tokenAutomount } from '../../_lib/rbac.js';
import { setFix } from '../../_lib/fix.js';
import { POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0060',
    slug: 'service-account-token-automount',
    title: 'Service account token is mounted into pods',
    severity: 'low',
    category: 'rbac',
    kinds: [...POD_KINDS],
    description:
      'A pod template does not set `automountServiceAccountToken: false`, so every container gets an API token for the pod\'s service account. When the pod leaves the field unset and its ServiceAccount is part of the scan (same name and namespace) with `automountServiceAccountToken: false`, no token is mounted and nothing is reported.',
    rationale:
      'Most applications never call the Kubernetes API. A mounted token is still readable by anyone who gets code execution in the container and gives them the service account\'s permissions, plus a foothold for API reconnaissance. CIS Kubernetes Benchmark 5.1.6 asks that service account tokens are mounted only where necessary.',
    remediation: `Set automountServiceAccountToken: false in the pod spec (or on the ServiceAccount); workloads that need the API can mount a projected token explicitly.

\`\`\`yaml
spec:
  serviceAccountName: web
  automountServiceAccountToken: false
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
      'https://kubernetes.io/docs/concepts/security/service-accounts/',
    ],
    standards: { cis: ['5.1.6'], nsa: 'Pod security: protect service account tokens' },
    peers: [
      { tool: 'checkov', id: 'CKV_K8S_38', match: 'same' },
      { tool: 'trivy', id: 'KSV036', match: 'partial' },
      { tool: 'polaris', id: 'automountServiceAccountToken', match: 'partial' },
    ],
    messages: {
      unset: 'automountServiceAccountToken is not set to false: pods get a token for service account "{{sa}}".',
      podTrue: 'automountServiceAccountToken is true: pods get a token for service account "{{sa}}".',
      saTrue: 'Service account "{{sa}}" sets automountServiceAccountToken: true and the pod does not opt out.',
    },
    examples: {
      good: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  automountServiceAccountToken: false
  containers: [{ name: web, image: nginx:1.27 }]
`,
      bad: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const t = tokenAutomount(obj, ctx.index);
    if (!t || !t.mounted) return;
    const messageId = t.from === 'pod' ? 'podTrue' : t.from === 'service-account' ? 'saTrue' : 'unset';
    // Only for the default service account, which has no permissions unless someone granted them: a pod with a service
    // account of its own usually has it to call the API, and losing the token would break it at run time, not at deploy.
    const fix = t.serviceAccount === 'default' ? setFix(obj.value, t.path, false, 'set automountServiceAccountToken: false in the pod spec') : undefined;
    ctx.report({ path: t.path, messageId, data: { sa: t.serviceAccount }, fix });
  },
});
