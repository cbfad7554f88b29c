import { defineCheck } from '../../define-check.js';
import { reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0043',
    slug: 'rbac-secrets-access',
    title: 'Role can read Secrets',
    severity: 'high',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants `get`, `list` or `watch` (or `"*"`) on `secrets` in the core API group, directly or through wildcards. Rules limited to specific Secrets with `resourceNames` are not reported.',
    rationale:
      'Secrets hold service account tokens, registry credentials, TLS keys and application passwords. Reading them usually means escalating to whatever those credentials allow; `list` and `watch` return every Secret of the namespace (or cluster) with its data. CIS Kubernetes Benchmark 5.1.2 asks to minimize access to Secrets.',
    remediation: `Drop read access to Secrets, or restrict it to the Secrets the workload needs with resourceNames (which excludes list and watch of everything).

\`\`\`yaml
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    resourceNames: ["app-tls"]
    verbs: ["get"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets',
      'https://kubernetes.io/docs/concepts/configuration/secret/#information-security-for-secrets',
      'https://docs.kubelinter.io/#/generated/checks?id=access-to-secrets',
    ],
    standards: { cis: ['5.1.2'], nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [
      { tool: 'trivy', id: 'KSV041', match: 'partial' },
      { tool: 'kube-linter', id: 'access-to-secrets', match: 'partial' },
    ],
    messages: {
      read: '{{kind}} rule {{rule}} can read Secrets{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: tls-reader, namespace: web }
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    resourceNames: ["web-tls"]
    verbs: ["get"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: secret-reader }
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "list", "watch"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(
      obj,
      ctx.report,
      { verbs: ['get', 'list', 'watch'], targets: [{ resource: 'secrets', groups: [''] }] },
      'resources',
      { ignoreNamed: true },
    );
  },
});
