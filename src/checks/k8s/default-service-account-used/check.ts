import { defineCheck } from '../../define-check.js';
import { podServiceAccount, tokenAutomount } from '../../_lib/rbac.js';
import { POD_KINDS } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0059',
    slug: 'default-service-account-used',
    title: 'Pods run as the default service account',
    severity: 'low',
    category: 'rbac',
    kinds: [...POD_KINDS],
    description:
      'A pod template sets no `serviceAccountName` (or sets it, or the deprecated `serviceAccount`, to `default`) while a service account token is mounted. Pods that do not get a token (`automountServiceAccountToken: false` on the pod, or on the `default` ServiceAccount when it is part of the scan) are not reported.',
    rationale:
      'All pods of a namespace that name no service account share its `default` account, so any permission granted to it for one workload is granted to all of them, and their API activity cannot be told apart in audit logs. CIS Kubernetes Benchmark 5.1.5 asks that default service accounts are not actively used.',
    remediation: `Create a service account per workload and set serviceAccountName (or, if the workload never talks to the API server, disable the token).

\`\`\`yaml
spec:
  serviceAccountName: web
  automountServiceAccountToken: false
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts',
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
      'https://docs.kubelinter.io/#/generated/checks?id=default-service-account',
    ],
    standards: { cis: ['5.1.5'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [{ tool: 'kube-linter', id: 'default-service-account', match: 'same' }],
    messages: {
      unset: 'No serviceAccountName is set: pods run as the namespace\'s "default" service account with its token mounted.',
      explicit: 'Pods run as the "default" service account (set in {{field}}) with its token mounted.',
    },
    examples: {
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      serviceAccountName: web
      containers: [{ name: web, image: nginx:1.27 }]
`,
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const sa = podServiceAccount(obj);
    if (!sa || sa.name !== 'default') return;
    const token = tokenAutomount(obj, ctx.index);
    if (!token?.mounted) return;
    if (sa.from === 'none') ctx.report({ path: sa.path, messageId: 'unset' });
    else ctx.report({ path: sa.path, messageId: 'explicit', data: { field: sa.from } });
  },
});
