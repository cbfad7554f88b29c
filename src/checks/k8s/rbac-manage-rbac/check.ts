import { defineCheck } from '../../define-check.js';
import { RBAC_GROUP, reportGrants, ROLE_KINDS } from '../../_lib/rbac.js';

export default defineCheck({
  meta: {
    id: 'PAL-K8S-0049',
    slug: 'rbac-manage-rbac',
    title: 'Role can create or modify RBAC roles and bindings',
    severity: 'high',
    category: 'rbac',
    kinds: [...ROLE_KINDS],
    description:
      'A Role or ClusterRole rule grants `create`, `update` or `patch` (or `"*"`) on `roles`, `clusterroles`, `rolebindings` or `clusterrolebindings` in `rbac.authorization.k8s.io`, directly or through wildcards. In a namespaced Role only roles and rolebindings count.',
    rationale:
      'RBAC escalation prevention stops a subject from granting permissions it does not hold, but anyone who can write roles and bindings can hand every permission they do hold to other identities (including ones they control), rebind existing powerful roles they are allowed to bind, and, combined with `escalate` or `bind`, reach cluster-admin. Writing RBAC objects should be reserved to cluster administrators and deployment tooling.',
    remediation: `Keep RBAC objects read-only for workloads and people; manage them through reviewed deployment tooling.

\`\`\`yaml
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "rolebindings"]
    verbs: ["get", "list", "watch"]
\`\`\``,
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping',
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
    ],
    standards: { nsa: 'Authentication and authorization: least privilege RBAC' },
    peers: [{ tool: 'trivy', id: 'KSV050', match: 'partial' }],
    messages: {
      manage: '{{kind}} rule {{rule}} can write {{resources}}{{how}} (verbs: {{verbs}}).',
    },
    examples: {
      good: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: rbac-auditor }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles", "rolebindings", "clusterroles", "clusterrolebindings"]
    verbs: ["get", "list", "watch"]
`,
      bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: binding-manager }
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["clusterrolebindings"]
    verbs: ["create", "update", "patch"]
`,
    },
  },
  run(obj, ctx) {
    reportGrants(
      obj,
      ctx.report,
      {
        verbs: ['create', 'update', 'patch'],
        targets: ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'].map((resource) => ({ resource, groups: [RBAC_GROUP] })),
      },
      'resources',
    );
  },
});
