import { defineCheck } from '../../define-check.js';
import { isPlaceholder, normalizeNamespace, objectsInNamespace } from '../../_lib/network.js';
import { POD_KINDS, podSpec } from '../../_lib/pod.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0104',
    slug: 'non-existent-service-account',
    title: 'Pod uses a ServiceAccount that is not in the scan',
    severity: 'low',
    category: 'cross-resource',
    kinds: [...POD_KINDS],
    description:
      "A pod template's `serviceAccountName` (or the deprecated `serviceAccount`) names a ServiceAccount other than `default` that the scan does not contain in the workload's namespace (unset and `default` are the same namespace). To stay quiet on partial scans and on ServiceAccounts created outside the manifests (eksctl/Terraform for cloud IAM bindings), the check only reports when the scan contains at least one ServiceAccount in that namespace.",
    rationale:
      'A pod that names a missing ServiceAccount is rejected by the API server, so the workload never starts (a Deployment just shows no pods). Worse, the pods start with whatever identity someone else later creates under that name, with whatever RBAC and cloud IAM bindings it carries.',
    remediation: `Ship the ServiceAccount with the workload, or fix the name.

\`\`\`yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
automountServiceAccountToken: false
---
# in the pod template
spec:
  serviceAccountName: web
\`\`\``,
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
      'https://docs.kubelinter.io/#/generated/checks?id=non-existent-service-account',
    ],
    standards: {},
    peers: [{ tool: 'kube-linter', id: 'non-existent-service-account', match: 'same' }],
    messages: {
      missing: '{{kind}} "{{name}}" runs as ServiceAccount "{{account}}", which is not in the scan in namespace "{{namespace}}".',
    },
    examples: {
      good: `apiVersion: v1
kind: ServiceAccount
metadata: { name: web }
---
apiVersion: apps/v1
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
      bad: `apiVersion: v1
kind: ServiceAccount
metadata: { name: web }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      serviceAccountName: web-sa
      containers: [{ name: web, image: nginx:1.27 }]
`,
    },
  },
  run(obj, ctx) {
    const pod = podSpec(obj);
    if (!pod) return;
    const field = typeof pod.spec.serviceAccountName === 'string' && pod.spec.serviceAccountName !== '' ? 'serviceAccountName' : 'serviceAccount';
    const account = pod.spec[field];
    if (typeof account !== 'string' || account === '' || account === 'default' || isPlaceholder(account)) return;
    const accounts = objectsInNamespace(ctx.index, obj.namespace, 'ServiceAccount');
    if (accounts.length === 0 || accounts.some((a) => a.name === account)) return;
    ctx.report({
      path: [...pod.path, field],
      data: { kind: obj.kind, name: obj.name, account, namespace: normalizeNamespace(obj.namespace) },
    });
  },
});
